using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PciCloud.Region.Hosting;

namespace PciCloud.Region.Http;

/// <summary>
/// Issue 12 item 9: a tenant (its platform and its agents' pages together) holds at most
/// Region:MaxOpenStreamsPerTenant open event streams on this host; each one holds a connection and a
/// long-poll on a grain. A stream takes a slot when it opens and gives it back when it ends, however it
/// ends. Per host, because what the cap protects (connections, memory) is per host; a tenant spread over
/// N hosts by the load balancer may hold up to N times the cap. Tenants with no open stream hold no entry.
/// </summary>
internal sealed class OpenStreamSlots(IOptions<RegionOptions> options)
{
    public const string LimitCode = "too_many_streams";

    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => Math.Max(1, options.Value.MaxOpenStreamsPerTenant);

    public int OpenFor(string tenantId) => _open.GetValueOrDefault(tenantId);

    /// <summary>A slot to dispose when the stream ends, or null when the tenant has none left.</summary>
    public IDisposable? TryTake(string tenantId)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(tenantId);
            if (current >= Limit)
            {
                return null;
            }

            var taken = current == 0 ? _open.TryAdd(tenantId, 1) : _open.TryUpdate(tenantId, current + 1, current);
            if (taken)
            {
                return new Slot(this, tenantId);
            }
        }
    }

    private void Give(string tenantId)
    {
        while (true)
        {
            var current = _open[tenantId];
            var given = current == 1
                ? _open.TryRemove(KeyValuePair.Create(tenantId, 1))
                : _open.TryUpdate(tenantId, current - 1, current);
            if (given)
            {
                return;
            }
        }
    }

    private sealed class Slot(OpenStreamSlots slots, string tenantId) : IDisposable
    {
        private int _given;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _given, 1) == 0)
            {
                slots.Give(tenantId);
            }
        }
    }
}
