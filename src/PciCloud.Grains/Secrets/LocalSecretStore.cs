using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace PciCloud.Grains.Secrets;

/// <summary>
/// Development secret store: in memory, seeded from the configuration section "Secrets" (so several
/// local processes can share a signing key). Never used when KeyVault:Uri is set.
/// </summary>
public sealed class LocalSecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);

    public LocalSecretStore(IConfiguration configuration)
    {
        foreach (var child in configuration.GetSection("Secrets").GetChildren())
        {
            if (child.Value is { } value)
            {
                _secrets[child.Key] = value;
            }
        }
    }

    public Task<string?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_secrets.TryGetValue(name, out var v) ? v : null);

    public Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        _secrets[name] = value;
        return Task.CompletedTask;
    }
}
