using System.Collections.Concurrent;

namespace PciCloud.Grains.Secrets;

/// <summary>
/// Keeps secrets briefly so a busy region does not ask Key Vault on every request; a rotated secret
/// is seen within <see cref="Ttl"/>. A value this process sets is seen at once.
/// </summary>
public sealed class CachingSecretStore(ISecretStore inner, TimeProvider time, TimeSpan ttl) : ISecretStore
{
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public TimeSpan Ttl { get; } = ttl;

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(name, out var hit) && hit.Until > now)
        {
            return hit.Value;
        }

        var value = await inner.GetAsync(name, cancellationToken);
        _cache[name] = (value, now + Ttl);
        return value;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        await inner.SetAsync(name, value, cancellationToken);
        _cache[name] = (value, time.GetUtcNow() + Ttl);
    }
}
