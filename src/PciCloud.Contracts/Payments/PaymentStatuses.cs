namespace PciCloud.Contracts.Payments;

/// <summary>The values of <see cref="PaymentView.Status"/> and <see cref="PaymentView.Kind"/>.</summary>
public static class PaymentStatuses
{
    public const string Pending = "pending";
    public const string Authorized = "authorized";
    public const string Succeeded = "succeeded";
    public const string PartiallyRefunded = "partially_refunded";
    public const string Refunded = "refunded";
    public const string Failed = "failed";

    /// <summary>An authorization released before capture: nothing was charged.</summary>
    public const string Voided = "voided";

    public const string KindCharge = "charge";
    public const string KindAuthorization = "authorization";
    public const string KindTokenCharge = "token_charge";
}
