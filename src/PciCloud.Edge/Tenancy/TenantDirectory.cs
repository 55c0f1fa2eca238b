using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PciCloud.Edge.Configuration;

namespace PciCloud.Edge.Tenancy;

/// <summary>
/// Holds the current <see cref="TenantRegionTable"/> and rebuilds it when a region's tenant list or the static
/// seed changes. Like YARP's InMemoryConfigProvider: the snapshot is swapped atomically and the old change
/// token fires, so readers never lock and watchers learn of every new snapshot.
/// </summary>
public sealed partial class TenantDirectory
{
    private readonly Lock _writeGate = new();
    private readonly Dictionary<string, IReadOnlySet<string>> _listedByRegion = new(StringComparer.Ordinal);
    private readonly ILogger<TenantDirectory> _logger;
    private IReadOnlyDictionary<string, string> _staticTenants;
    private TenantRegionTable _current = TenantRegionTable.Empty;
    private CancellationTokenSource _changed = new();

    public TenantDirectory(IOptionsMonitor<EdgeOptions> options, ILogger<TenantDirectory> logger)
    {
        _logger = logger;
        _staticTenants = options.CurrentValue.StaticTenants;
        Rebuild();
        options.OnChange(o => SetStaticTenants(o.StaticTenants));
    }

    public TenantRegionTable Current => Volatile.Read(ref _current);

    /// <summary>Fires once, when the next snapshot is published.</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public void SetStaticTenants(IReadOnlyDictionary<string, string> tenants)
    {
        lock (_writeGate)
        {
            _staticTenants = new Dictionary<string, string>(tenants, StringComparer.Ordinal);
            Rebuild();
        }
    }

    /// <summary>The full tenant list a region answered. A region that cannot be reached keeps its last list,
    /// so its tenants get 503 region_unavailable rather than 404.</summary>
    public void SetRegionTenants(string region, IEnumerable<string> tenantIds)
    {
        lock (_writeGate)
        {
            _listedByRegion[region] = tenantIds.ToHashSet(StringComparer.Ordinal);
            Rebuild();
        }
    }

    private void Rebuild()
    {
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        var conflicts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (region, tenants) in _listedByRegion)
        {
            foreach (var tenant in tenants)
            {
                if (!next.TryAdd(tenant, region) && next[tenant] != region)
                {
                    conflicts.Add(tenant);
                }
            }
        }
        // A tenant listed by two regions is a data-residency fault somewhere: refuse to guess.
        foreach (var tenant in conflicts)
        {
            next.Remove(tenant);
            LogConflict(tenant);
        }
        foreach (var (tenant, region) in _staticTenants)
        {
            if (!conflicts.Contains(tenant))
            {
                next.TryAdd(tenant, region);
            }
        }

        var current = _current;
        if (current.Version > 0 && current.HasSameEntries(next))
        {
            return;
        }
        Volatile.Write(ref _current, new TenantRegionTable(next, current.Version + 1));
        var fired = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        fired.Cancel();
        fired.Dispose();
        LogPublished(current.Version + 1, next.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} is listed by more than one region; it is not routed until that is fixed.")]
    private partial void LogConflict(string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant table v{Version} published with {Count} tenants.")]
    private partial void LogPublished(long version, int count);
}
