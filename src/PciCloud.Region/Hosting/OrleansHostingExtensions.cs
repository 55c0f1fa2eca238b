using System.Net;
using Orleans.Configuration;
using PciCloud.Grains;
using PciCloud.Grains.Idempotency;
using PciCloud.ServiceDefaults;
using StackExchange.Redis;

namespace PciCloud.Region.Hosting;

/// <summary>
/// The region's silo, in the cluster <see cref="RegionClusterOptions"/> names (the same settings its
/// masking workers read). With Redis: Redis clustering, grain storage and reminders (several silos,
/// state survives restarts). Without: localhost clustering, in-memory storage and reminders (one silo;
/// the local stack).
/// </summary>
public static class OrleansHostingExtensions
{
    public static IHostApplicationBuilder AddRegionSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var cluster = builder.AddRegionCluster();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<RegionMetrics>();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });

            if (!cluster.UsesRedis)
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort);
                silo.AddMemoryGrainStorage(GrainStorage.Name);
                silo.AddMemoryGrainStorage(IdempotencyStorage.Name);
                silo.UseInMemoryReminderService();
            }
            else
            {
                var options = ConfigurationOptions.Parse(cluster.RedisConnectionString!);
                silo.UseRedisClustering(o => o.ConfigurationOptions = options);
                silo.AddRedisGrainStorage(GrainStorage.Name, o => o.ConfigurationOptions = options);
                silo.AddRedisGrainStorage(IdempotencyStorage.Name, o =>
                {
                    o.ConfigurationOptions = options;
                    o.EntryExpiry = IdempotencyStorage.EntryExpiry;
                });
                silo.UseRedisReminderService(o => o.ConfigurationOptions = options);
                if (cluster.AdvertisedIP is { Length: > 0 } ip)
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(ip), cluster.SiloPort, cluster.GatewayPort);
                }
                else
                {
                    silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
            }

            OrleansTls.Configure(silo, configuration);
        });
        return builder;
    }
}
