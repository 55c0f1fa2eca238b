using System.Collections.Concurrent;

namespace PciCloud.Signalling.Ng;

/// <summary>
/// The replies of recent requests by cookie, so a retransmitted request (the proxy timed out waiting)
/// gets the same reply instead of being executed twice: an offer retried must not reserve new ports.
/// A retransmission that arrives while the first is still running waits for the same reply.
/// Entries live <see cref="Lifetime"/>; at most <see cref="MaxEntries"/> are kept.
/// </summary>
public sealed class NgCookieCache(TimeProvider time, TimeSpan? lifetime = null, int maxEntries = 10_000)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = lifetime ?? TimeSpan.FromSeconds(30);

    public int MaxEntries { get; } = maxEntries;

    public int Count => _entries.Count;

    /// <summary>The reply for the cookie: the cached one, or the one <paramref name="execute"/> produces (run once per cookie).</summary>
    public Task<byte[]> GetOrRunAsync(string cookie, Func<Task<byte[]>> execute)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(cookie, out var cached) && cached.Expires > now)
        {
            return cached.Reply;
        }

        if (_entries.Count >= MaxEntries)
        {
            Evict(now);
        }

        var created = new Entry(new Lazy<Task<byte[]>>(execute), now + Lifetime);
        var entry = _entries.AddOrUpdate(cookie, created, (_, old) => old.Expires > now ? old : created);
        return entry.Reply;
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        // Still full (a flood of fresh cookies): drop the oldest half rather than grow without bound.
        if (_entries.Count >= MaxEntries)
        {
            foreach (var (key, _) in _entries.OrderBy(e => e.Value.Expires).Take(_entries.Count / 2).ToList())
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(Lazy<Task<byte[]>> Run, DateTimeOffset Expires)
    {
        public Task<byte[]> Reply => Run.Value;
    }
}
