using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Webhooks;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Http;

namespace PciCloud.Region.Webhooks;

/// <summary>PUT /v1/webhook-endpoint: an absolute https URL on a public host (http and private hosts only in the local stack), known events.</summary>
public static class WebhookEndpointValidator
{
    private const int MaxUrlLength = 2048;
    private const int MaxEvents = 32;

    public static (Uri? Url, IReadOnlyList<string> Events, ProblemHttpResult? Error) Validate(WebhookEndpointRequest request, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(request.Url) || request.Url.Length > MaxUrlLength
            || !Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.UserInfo))
        {
            return (null, [], Problems.Invalid("url must be an absolute https URL without credentials."));
        }

        if (url.Scheme != Uri.UriSchemeHttps && !(allowPrivate && url.Scheme == Uri.UriSchemeHttp))
        {
            return (null, [], Problems.Invalid("url must use https."));
        }

        if (!allowPrivate && WebhookAddressRules.IsNonPublicHost(url.IdnHost))
        {
            return (null, [], Problems.Invalid("url must point at a public address (private and loopback addresses are refused).", "invalid_url"));
        }

        IReadOnlyList<string> events = request.Events is null or { Count: 0 } ? ["*"] : [.. request.Events.Distinct(StringComparer.Ordinal)];
        if (events.Count > MaxEvents || events.Any(e => e is null || !WebhookEventTypes.IsValidPattern(e)))
        {
            return (null, [], Problems.Invalid(
                $"events must list event types or patterns: {string.Join(", ", WebhookEventTypes.All)}, \"payment_session.*\", \"*\"."));
        }

        return (url, events, null);
    }
}
