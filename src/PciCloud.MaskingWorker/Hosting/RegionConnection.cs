using Microsoft.Extensions.DependencyInjection.Extensions;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Directory;
using PciCloud.MaskingWorker.Region;
using PciCloud.ServiceDefaults;

namespace PciCloud.MaskingWorker.Hosting;

/// <summary>
/// The worker is an Orleans client of its region's cluster (never a silo), named by the same settings
/// the silos read (<see cref="RegionClusterOptions"/>): Redis clustering when Redis is configured,
/// else the localhost gateway; TLS with the "Orleans:Tls:*" keys (<see cref="RegionConnectionTls"/>).
/// </summary>
public static class RegionConnection
{
    public static WebApplicationBuilder AddRegionConnection(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var cluster = builder.AddRegionCluster();
        builder.UseOrleansClient(client =>
        {
            client.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            if (cluster.UsesRedis)
            {
                client.UseRedisClustering(cluster.RedisConnectionString!);
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort);
            }

            RegionConnectionTls.Configure(client, configuration);
        });
        builder.Services.TryAddSingleton<ICallGateway, OrleansCallGateway>();
        builder.Services.TryAddSingleton<RtpCallPushReceiver>();
        builder.Services.TryAddSingleton<IWorkerDirectory, OrleansWorkerDirectory>();
        builder.Services.TryAddSingleton<Sip.ISipCallGateway, OrleansSipCallGateway>();
        return builder;
    }
}
