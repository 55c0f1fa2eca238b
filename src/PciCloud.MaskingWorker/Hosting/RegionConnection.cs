using Microsoft.Extensions.DependencyInjection.Extensions;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Directory;
using PciCloud.MaskingWorker.Region;

namespace PciCloud.MaskingWorker.Hosting;

/// <summary>
/// The worker is an Orleans client of its region's cluster (never a silo): Redis clustering when a
/// <c>redis</c> connection string is configured, else the localhost gateway (<c>Orleans:GatewayPort</c>);
/// TLS with the "Orleans:Tls:*" keys (<see cref="RegionConnectionTls"/>).
/// </summary>
public static class RegionConnection
{
    public static WebApplicationBuilder AddRegionConnection(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.UseOrleansClient(client =>
        {
            client.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = configuration["Orleans:ClusterId"] ?? "pcicloud";
                o.ServiceId = configuration["Orleans:ServiceId"] ?? "pcicloud";
            });
            var redis = configuration.GetConnectionString("redis");
            if (!string.IsNullOrEmpty(redis))
            {
                client.UseRedisClustering(redis);
            }
            else
            {
                client.UseLocalhostClustering(configuration.GetValue("Orleans:GatewayPort", 30000));
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
