using System.Net;
using Orleans.Configuration;
using PciCloud.Grains;
using PciCloud.Grains.Idempotency;
using StackExchange.Redis;

namespace PciCloud.Region.Hosting;

/// <summary>
/// The region's silo. "Redis:ConnectionString" set: Redis clustering, grain storage and reminders
/// (several silos, state survives restarts). Not set: localhost clustering, in-memory storage and
/// reminders (one silo; the local stack). Ports: "Orleans:SiloPort" (11111), "Orleans:GatewayPort"
/// (30000); "Orleans:AdvertisedIP" pins the address other silos and clients use.
/// </summary>
public static class OrleansHostingExtensions
{
    public static IHostApplicationBuilder AddRegionSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var region = configuration["Region:Name"] ?? "us";
        var redis = configuration["Redis:ConnectionString"];
        var siloPort = configuration.GetValue("Orleans:SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = configuration["Orleans:ClusterId"] ?? $"pcicloud-{region}";
                o.ServiceId = configuration["Orleans:ServiceId"] ?? "pcicloud";
            });

            if (string.IsNullOrWhiteSpace(redis))
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort);
                silo.AddMemoryGrainStorage(GrainStorage.Name);
                silo.AddMemoryGrainStorage(IdempotencyStorage.Name);
                silo.UseInMemoryReminderService();
            }
            else
            {
                var options = ConfigurationOptions.Parse(redis);
                silo.UseRedisClustering(o => o.ConfigurationOptions = options);
                silo.AddRedisGrainStorage(GrainStorage.Name, o => o.ConfigurationOptions = options);
                silo.AddRedisGrainStorage(IdempotencyStorage.Name, o =>
                {
                    o.ConfigurationOptions = options;
                    o.EntryExpiry = IdempotencyStorage.EntryExpiry;
                });
                silo.UseRedisReminderService(o => o.ConfigurationOptions = options);
                if (configuration["Orleans:AdvertisedIP"] is { Length: > 0 } ip)
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(ip), siloPort, gatewayPort);
                }
                else
                {
                    silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
                }
            }

            OrleansTls.Configure(silo, configuration);
        });
        return builder;
    }
}
