using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using PciCloud.Grains;
using PciCloud.Grains.Certificates;
using PciCloud.Region.Certificates;
using PciCloud.Grains.Gateways;
using PciCloud.Grains.Idempotency;
using PciCloud.Grains.Secrets;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Gateways.Sandbox;
using StackExchange.Redis;

namespace PciCloud.Region.Tests.Cluster;

/// <summary>
/// Silos of the 2-silo test cluster: Redis clustering, storage and reminders (as the region host
/// configures them), fast failure detection, and one sandbox gateway shared by both silos so a
/// test can count the charges the whole cluster made.
/// </summary>
public sealed class RedisSiloConfigurator : ISiloConfigurator
{
    public static string ConnectionString { get; set; } = "";

    public static SandboxGateway Sandbox { get; set; } = new();

    public void Configure(ISiloBuilder silo)
    {
        var options = ConfigurationOptions.Parse(ConnectionString);
        silo.UseRedisClustering(o => o.ConfigurationOptions = options);
        silo.AddRedisGrainStorage(GrainStorage.Name, o => o.ConfigurationOptions = options);
        silo.AddRedisGrainStorage(IdempotencyStorage.Name, o =>
        {
            o.ConfigurationOptions = options;
            o.EntryExpiry = IdempotencyStorage.EntryExpiry;
        });
        silo.UseRedisReminderService(o => o.ConfigurationOptions = options);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 1;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<ISecretStore, LocalSecretStore>();
        silo.Services.AddMetrics();
        silo.Services.AddSingleton<RegionMetrics>();
        silo.Services.AddKeyedSingleton<IGatewayConnector>(SandboxConnector.Kind, new SandboxConnector(Sandbox));
        silo.Services.AddSingleton<IGatewayResolver, GatewayResolver>();
        silo.Services.AddSingleton<IMaskingCertificateSigner>(new MaskingCertificateSigner(new LocalSigningKeyRing(), "us"));
    }
}
