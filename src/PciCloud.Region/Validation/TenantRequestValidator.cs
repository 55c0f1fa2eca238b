using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Tenants;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Auth;
using PciCloud.Region.Http;

namespace PciCloud.Region.Validation;

public static class TenantRequestValidator
{
    /// <param name="isGatewayKind">Whether the host registered a connector for a gateway kind (an unknown kind is refused).</param>
    public static (TenantSettings? Settings, ProblemHttpResult? Error) Validate(
        CreateTenantRequest r, string thisRegion, DateTimeOffset now, Func<string, bool> isGatewayKind)
    {
        if (r.Id is null || !SecretKeys.IsValidTenantId(r.Id))
        {
            return (null, Problems.Invalid("id: lower-case letters, digits and '-', at most 63 characters."));
        }

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200)
        {
            return (null, Problems.Invalid("name is required (at most 200 characters)."));
        }

        if (r.Region is null || !TenantRules.Regions.Contains(r.Region))
        {
            return (null, Problems.Invalid("region must be one of us, uk, au."));
        }

        if (r.Region != thisRegion)
        {
            return (null, Problems.Invalid($"This is region '{thisRegion}': create the tenant in region '{r.Region}'.", "wrong_region"));
        }

        var gateway = r.Gateway?.Kind ?? "sandbox";
        if (!isGatewayKind(gateway))
        {
            return (null, Problems.Invalid($"gateway.kind '{gateway}' is not offered in this region (sandbox, stripe)."));
        }

        string? bad =
            (r.MediaDestinations ?? []).FirstOrDefault(d => !MediaDestinations.IsValidEntry(d)) is { } d ? $"mediaDestinations: '{d}' is not a CIDR block, an IP address or 'loopback'."
            : (r.AcceptedBrands ?? []).FirstOrDefault(b => !TenantRules.Brands.Contains(b)) is { } b ? $"acceptedBrands: unknown brand '{b}'."
            : (r.Currencies ?? []).FirstOrDefault(c => !TenantRules.IsCurrency(c)) is { } c ? $"currencies: '{c}' is not an ISO 4217 code."
            : (r.DefaultFields ?? []).FirstOrDefault(f => !TenantRules.Fields.Contains(f)) is { } f ? $"defaultFields: unknown field '{f}'."
            : (r.FramingOrigins ?? []).FirstOrDefault(o => !TenantRules.IsOrigin(o)) is { } o ? $"framingOrigins: '{o}' is not an origin."
            : null;
        if (bad is not null)
        {
            return (null, Problems.Invalid(bad));
        }

        var (media, mediaError) = MediaPolicy(r.MediaPolicy);
        if (mediaError is not null)
        {
            return (null, Problems.Invalid(mediaError));
        }

        return (new TenantSettings(r.Id, r.Name.Trim(), r.Region, gateway,
            r.AcceptedBrands is { Count: > 0 } brands ? [.. brands.Distinct()] : TenantRules.Brands,
            r.Currencies is { Count: > 0 } currencies ? [.. currencies.Distinct()] : TenantRules.DefaultCurrencies(r.Region),
            r.DefaultFields is { Count: > 0 } fields ? [.. fields.Distinct()] : TenantRules.DefaultFields,
            [.. r.FramingOrigins ?? []], [.. r.MediaDestinations ?? []], now) { Media = media }, null);
    }

    /// <summary>A new tenant's media rules: <see cref="TenantMediaPolicy.Default"/> for whatever it leaves out.</summary>
    private static (TenantMediaPolicy? Policy, string? Error) MediaPolicy(TenantMediaPolicyBody? body)
    {
        var d = TenantMediaPolicy.Default;
        var policy = new TenantMediaPolicy(
            body?.RequireExpectFrom ?? d.RequireExpectFrom,
            body?.MaxConcurrentCalls ?? d.MaxConcurrentCalls,
            body?.IdleTimeoutSeconds ?? d.IdleTimeoutSeconds,
            body?.UnusedTimeoutSeconds ?? d.UnusedTimeoutSeconds);
        return policy switch
        {
            { MaxConcurrentCalls: < 1 or > 100_000 } => (null, "mediaPolicy.maxConcurrentCalls must be between 1 and 100000."),
            { IdleTimeoutSeconds: < 30 or > 86_400 } => (null, "mediaPolicy.idleTimeoutSeconds must be between 30 and 86400."),
            { UnusedTimeoutSeconds: < 30 or > 86_400 } => (null, "mediaPolicy.unusedTimeoutSeconds must be between 30 and 86400."),
            _ => (policy, null),
        };
    }
}
