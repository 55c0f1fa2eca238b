using System.Text.Json;

namespace PciCloud.Edge.Tenancy;

/// <summary>
/// Reads a region's <c>GET /admin/v1/tenants</c> answer: a JSON array, or <c>{ "data": [...] }</c>, of objects
/// with an <c>id</c> and optionally a <c>region</c>. Entries with an invalid id, or that name another region,
/// are skipped: the edge only trusts a region about its own tenants.
/// </summary>
public static class RegionTenantListReader
{
    public static IReadOnlyList<string> Read(JsonElement root, string region, out int skipped)
    {
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array => data,
            _ => throw new FormatException("Expected a JSON array or an object with a 'data' array."),
        };

        var ids = new List<string>();
        skipped = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { } tenant && TenantId.IsValid(tenant)
                && (!item.TryGetProperty("region", out var named)
                    || (named.ValueKind == JsonValueKind.String && named.ValueEquals(region))))
            {
                ids.Add(tenant);
            }
            else
            {
                skipped++;
            }
        }
        return ids;
    }
}
