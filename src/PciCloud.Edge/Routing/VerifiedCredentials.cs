using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;

namespace PciCloud.Edge.Routing;

/// <summary>
/// Credentials the region has verified lately, by SHA-256 fingerprint (never the credential itself), with the
/// tenant they belong to. It decides only which budget a request spends (the tenant's, or its sender address's):
/// the region still verifies every request, so a key revoked a minute ago is refused there, and the edge forgets
/// it on that 401. Bounded in size and age; a credential can only get in through the region's own answer.
/// </summary>
public sealed class VerifiedCredentials : IDisposable
{
    private const int MaxEntries = 100_000;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly IOptionsMonitor<EdgeOptions> _options;

    public VerifiedCredentials(IOptionsMonitor<EdgeOptions> options) => _options = options;

    public static string Fingerprint(string credential) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));

    /// <summary>True when <paramref name="fingerprint"/> verified lately for <paramref name="tenantId"/> ("" for admin).</summary>
    public bool Contains(string fingerprint, string tenantId) =>
        _cache.TryGetValue(fingerprint, out string? tenant) && tenant == tenantId;

    public void Add(string fingerprint, string tenantId) =>
        _cache.Set(fingerprint, tenantId, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(1, _options.CurrentValue.VerifiedCredentialSeconds)),
        });

    public void Remove(string fingerprint) => _cache.Remove(fingerprint);

    public void Dispose() => _cache.Dispose();
}
