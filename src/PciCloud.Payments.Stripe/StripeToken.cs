namespace PciCloud.Payments.Stripe;

/// <summary>A stored card at Stripe: its Customer and PaymentMethod ids, "cus_.../pm_...".</summary>
internal static class StripeToken
{
    public static string Format(string customerId, string paymentMethodId) => $"{customerId}/{paymentMethodId}";

    public static bool TryParse(string token, out string customerId, out string paymentMethodId)
    {
        var parts = token.Split('/');
        var ok = parts is [{ Length: > 4 } c, { Length: > 3 } p] && c.StartsWith("cus_", StringComparison.Ordinal) && p.StartsWith("pm_", StringComparison.Ordinal);
        customerId = ok ? parts[0] : "";
        paymentMethodId = ok ? parts[1] : "";
        return ok;
    }
}
