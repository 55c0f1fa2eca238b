using System.Collections.Frozen;

namespace PciCloud.Edge.Tenancy;

/// <summary>
/// One immutable snapshot of tenant id -> region id. Readers take the current snapshot once per request
/// and never see a half-built table; a new snapshot replaces it whole (<see cref="TenantDirectory"/>).
/// </summary>
public sealed class TenantRegionTable
{
    public static readonly TenantRegionTable Empty = new(new Dictionary<string, string>(), 0);

    private readonly FrozenDictionary<string, string> _regions;
    private readonly FrozenDictionary<string, (string TenantId, string Region)>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public TenantRegionTable(IReadOnlyDictionary<string, string> tenantRegions, long version)
    {
        _regions = tenantRegions.ToFrozenDictionary(StringComparer.Ordinal);
        _bySpan = tenantRegions
            .ToFrozenDictionary(e => e.Key, e => (e.Key, e.Value), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        Version = version;
    }

    /// <summary>Increases with every published snapshot.</summary>
    public long Version { get; }

    public int Count => _regions.Count;

    public IReadOnlyDictionary<string, string> Entries => _regions;

    /// <summary>Looks a tenant up without allocating; <paramref name="tenantId"/> is the table's own string.</summary>
    public bool TryGetRegion(ReadOnlySpan<char> tenant, out string tenantId, out string region)
    {
        if (_bySpan.TryGetValue(tenant, out var entry))
        {
            (tenantId, region) = entry;
            return true;
        }
        tenantId = "";
        region = "";
        return false;
    }

    /// <summary>Same tenants in the same regions.</summary>
    public bool HasSameEntries(IReadOnlyDictionary<string, string> other) =>
        other.Count == _regions.Count
        && other.All(e => _regions.TryGetValue(e.Key, out var r) && string.Equals(r, e.Value, StringComparison.Ordinal));
}
