using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Tenants;
using PciCloud.Grains.Gateways;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Http;

namespace PciCloud.Region.Validation;

/// <summary>PATCH of a tenant's settings: the rules of tenant creation for whatever the request names; nothing changes on a refusal.</summary>
public static class TenantPatchValidator
{
    private const int MaxNamedGateways = 10;

    public static (TenantSettings? Settings, ProblemHttpResult? Error) Apply(PatchTenantRequest r, TenantSettings current, Func<string, bool> isGatewayKind)
    {
        if (r.Name is not null && (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200))
        {
            return (null, Problems.Invalid("name must be 1 to 200 characters."));
        }

        var kind = r.Gateway is null ? current.GatewayKind : r.Gateway.Kind ?? "";
        if (!isGatewayKind(kind))
        {
            return (null, Problems.Invalid($"gateway.kind '{kind}' is not offered in this region (sandbox, stripe)."));
        }

        if (r.Gateways is { } named && (named.Count > MaxNamedGateways
            || named.Any(g => !GatewayRefs.IsValidName(g.Key) || g.Value?.Kind is not { } k || !isGatewayKind(k))))
        {
            return (null, Problems.Invalid(
                $"gateways: at most {MaxNamedGateways} names (1-32 lower-case letters, digits, '-') each with a kind offered in this region."));
        }

        string? bad =
            r.MediaDestinations?.FirstOrDefault(d => d is null || !MediaDestinations.IsValidEntry(d)) is { } d ? $"mediaDestinations: '{d}' is not a CIDR block, an IP address or 'loopback'."
            : r.AcceptedBrands is { Count: 0 } || r.AcceptedBrands?.Any(b => b is null || !TenantRules.Brands.Contains(b)) == true ? $"acceptedBrands: one or more of {string.Join(", ", TenantRules.Brands)}."
            : r.Currencies is { Count: 0 } || r.Currencies?.Any(c => c is null || !TenantRules.IsCurrency(c)) == true ? "currencies: one or more ISO 4217 codes (upper-case)."
            : r.DefaultFields is { } fields && (fields.Any(f => f is null || !TenantRules.Fields.Contains(f)) || !fields.Contains("card_number") || !fields.Contains("expiry"))
                ? "defaultFields: known fields, including card_number and expiry."
            : r.FramingOrigins?.Any(o => o is null || !TenantRules.IsOrigin(o)) == true ? "framingOrigins: origins like https://desk.example.com."
            : null;
        if (bad is not null)
        {
            return (null, Problems.Invalid(bad));
        }

        return (current with
        {
            Name = r.Name?.Trim() ?? current.Name,
            GatewayKind = kind,
            Gateways = r.Gateways is { } g ? g.ToDictionary(x => x.Key, x => x.Value.Kind!, StringComparer.Ordinal) : current.Gateways,
            MediaDestinations = r.MediaDestinations is { } m ? [.. m.Distinct()] : current.MediaDestinations,
            AcceptedBrands = r.AcceptedBrands is { } b ? [.. b.Distinct()] : current.AcceptedBrands,
            Currencies = r.Currencies is { } c ? [.. c.Distinct()] : current.Currencies,
            DefaultFields = r.DefaultFields is { } f ? [.. f.Distinct()] : current.DefaultFields,
            FramingOrigins = r.FramingOrigins is { } o ? [.. o.Distinct()] : current.FramingOrigins,
        }, null);
    }
}
