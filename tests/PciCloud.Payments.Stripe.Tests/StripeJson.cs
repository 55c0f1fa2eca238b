namespace PciCloud.Payments.Stripe.Tests;

/// <summary>Response bodies shaped like Stripe's (only the fields the connector reads, plus ids and object names).</summary>
internal static class StripeJson
{
    public const string PaymentMethod = """{ "id": "pm_1", "object": "payment_method", "type": "card", "card": { "brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2029 } }""";

    public const string Customer = """{ "id": "cus_1", "object": "customer" }""";

    public static string PaymentIntent(string status, string id = "pi_1", long amount = 1999, string? authorizationCode = "123456") => $$"""
        { "id": "{{id}}", "object": "payment_intent", "status": "{{status}}", "amount": {{amount}},
          "amount_received": {{(status == "succeeded" ? amount : 0)}}, "currency": "gbp",
          "latest_charge": { "id": "ch_1", "object": "charge", "authorization_code": {{(authorizationCode is null ? "null" : $"\"{authorizationCode}\"")}} } }
        """;

    public static string CardError(string code, string? declineCode = null, string paymentIntentId = "pi_2") => $$"""
        { "error": { "type": "card_error", "code": "{{code}}", {{(declineCode is null ? "" : $"\"decline_code\": \"{declineCode}\",")}}
          "message": "Your card was declined.",
          "payment_intent": { "id": "{{paymentIntentId}}", "object": "payment_intent", "status": "requires_payment_method", "amount": 1999, "currency": "gbp" } } }
        """;

    public static string Error(string type, string code) => $$"""{ "error": { "type": "{{type}}", "code": "{{code}}", "message": "Something went wrong." } }""";

    public static string Refund(string status = "succeeded", long amount = 500) => $$"""{ "id": "re_1", "object": "refund", "status": "{{status}}", "amount": {{amount}}, "payment_intent": "pi_1" }""";
}
