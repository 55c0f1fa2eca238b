using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Sessions;
using PciCloud.Contracts.Tenants;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Http;
using PciCloud.Region.Webhooks;

namespace PciCloud.Region.Validation;

/// <summary>The per-session controls of a session request (API.md "Per-session controls"); every one optional.</summary>
public static class SessionControlsValidator
{
    public const int MinAttempts = 1;
    public const int MaxAttempts = 10;
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 60;

    /// <returns>The controls and the session's accepted brands (the tenant's when the request names none), or a problem.</returns>
    public static (SessionControls? Controls, IReadOnlyList<string> AcceptedBrands, ProblemHttpResult? Error) Validate(
        CreateSessionRequest r, TenantSettings tenant, bool allowPrivateWebhooks)
    {
        string? bad =
            r.MaxAttempts is < MinAttempts or > MaxAttempts ? $"maxAttempts must be between {MinAttempts} and {MaxAttempts}."
            : r.Timeout is < MinTimeoutSeconds or > MaxTimeoutSeconds ? $"timeout must be between {MinTimeoutSeconds} and {MaxTimeoutSeconds} seconds."
            : r.AcceptedBrands is { Count: 0 } ? "acceptedBrands must name at least one brand (leave it out for the tenant's)."
            : r.AcceptedBrands?.Any(b => b is null || !tenant.AcceptedBrands.Contains(b)) == true
                ? $"acceptedBrands must be a subset of the tenant's brands ({string.Join(", ", tenant.AcceptedBrands)})."
            : r.TokenType is not (null or SessionControls.Reusable or SessionControls.OneTime) ? "tokenType must be reusable or one-time."
            : r.TokenType is not null && r.Intent != "tokenize" ? "tokenType is only for intent tokenize."
            : null;
        if (bad is not null)
        {
            return (null, [], Problems.Invalid(bad));
        }

        if (r.StatusCallback is not null)
        {
            var (_, _, error) = WebhookEndpointValidator.Validate(new WebhookEndpointRequest(r.StatusCallback, null), allowPrivateWebhooks);
            if (error is not null)
            {
                return (null, [], error);
            }
        }

        var controls = new SessionControls
        {
            MaxAttempts = r.MaxAttempts ?? SessionControls.Default.MaxAttempts,
            TimeoutSeconds = r.Timeout,
            RequireMatchingInputs = r.RequireMatchingInputs ?? false,
            TokenType = r.TokenType ?? SessionControls.Reusable,
            StatusCallback = r.StatusCallback is { } url ? new Uri(url).AbsoluteUri : null,
            PartialResults = r.PartialResults ?? false,
            Gateway = r.Gateway,
        };
        return (controls, r.AcceptedBrands is { } brands ? [.. brands.Distinct(StringComparer.Ordinal)] : tenant.AcceptedBrands, null);
    }
}
