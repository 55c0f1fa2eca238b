namespace PciCloud.Contracts.Webhooks;

/// <summary>The webhook event types of API.md, and the subscription patterns an endpoint may list.</summary>
public static class WebhookEventTypes
{
    public const string PaymentSessionUpdated = "payment_session.updated";
    public const string PaymentSessionSucceeded = "payment_session.succeeded";
    public const string PaymentSessionFailed = "payment_session.failed";
    public const string CallEnded = "call.ended";
    public const string CallMaskingLeak = "call.masking_leak";
    public const string RefundUpdated = "refund.updated";
    public const string ScheduleCharged = "schedule.charged";

    public static readonly IReadOnlyList<string> All =
        [PaymentSessionUpdated, PaymentSessionSucceeded, PaymentSessionFailed, CallEnded, CallMaskingLeak, RefundUpdated, ScheduleCharged];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    /// <summary>A valid subscription: "*", an event type, or "prefix.*" for a known prefix.</summary>
    public static bool IsValidPattern(string pattern) =>
        pattern == "*" || IsKnown(pattern) || (pattern.EndsWith(".*", StringComparison.Ordinal) && All.Any(t => Matches(pattern, t)));

    public static bool Matches(string pattern, string type) =>
        pattern == "*" || pattern == type
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && type.StartsWith(pattern[..^1], StringComparison.Ordinal));

    public static bool Subscribed(IEnumerable<string> patterns, string type) => patterns.Any(p => Matches(p, type));
}
