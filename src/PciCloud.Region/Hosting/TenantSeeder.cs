using Microsoft.Extensions.Options;
using PciCloud.Contracts.Tenants;
using PciCloud.Grains.Gateways;
using PciCloud.Region.Auth;
using PciCloud.Region.Validation;

namespace PciCloud.Region.Hosting;

/// <summary>
/// Creates Region:SeedTenants at start (the local stack's demo tenants with their documented keys).
/// Idempotent: an existing tenant or key is left as it is. Runs after the silo has started.
/// </summary>
internal sealed partial class TenantSeeder(
    IGrainFactory grains, IGatewayResolver gateways, IOptions<RegionOptions> options, TimeProvider time, ILogger<TenantSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var region = options.Value.Name;
        foreach (var seed in options.Value.SeedTenants)
        {
            if (!SecretKeys.TryParseTenant(seed.SecretKey, out var keyTenant) || keyTenant != seed.Id
                || seed.MediaDestinations.Any(d => !MediaDestinations.IsValidEntry(d)) || !gateways.IsKnownKind(seed.Gateway))
            {
                throw new InvalidOperationException($"Region:SeedTenants entry '{seed.Id}' is invalid (key must be sk_{seed.Id}_<secret>).");
            }

            var tenant = grains.GetGrain<ITenantGrain>(seed.Id);
            await tenant.CreateAsync(new TenantSettings(seed.Id, string.IsNullOrEmpty(seed.Name) ? seed.Id : seed.Name, region,
                seed.Gateway, TenantRules.Brands, TenantRules.DefaultCurrencies(region), TenantRules.DefaultFields, [],
                [.. seed.MediaDestinations], time.GetUtcNow()) { Media = TenantMediaPolicy.Default with { RequireExpectFrom = seed.RequireExpectFrom } });
            await tenant.AddApiKeyAsync(new ApiKeyRecord("key_seed", SecretKeys.Hash(seed.SecretKey), time.GetUtcNow()));
            LogSeeded(seed.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded tenant {TenantId}")]
    private partial void LogSeeded(string tenantId);
}
