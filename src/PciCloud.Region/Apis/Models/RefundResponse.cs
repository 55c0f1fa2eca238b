using PciCloud.Contracts.Payments;

namespace PciCloud.Region.Apis.Models;

/// <summary>API.md refund: { id: "re_...", paymentId, amount, status } (+ currency, reason, createdAt, message).</summary>
public sealed record RefundResponse(
    string Id, string Object, string PaymentId, long Amount, string Currency, string Status, string? Reason,
    DateTimeOffset CreatedAt, string? Message)
{
    public static RefundResponse From(RefundView v) =>
        new(v.Id, "refund", v.PaymentId, v.Amount, v.Currency, v.Status, v.Reason, v.CreatedAt, v.Message);
}
