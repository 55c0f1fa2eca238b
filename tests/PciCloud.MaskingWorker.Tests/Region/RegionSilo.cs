using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Media;
using PciCloud.Grains;
using PciCloud.Grains.Certificates;
using PciCloud.Grains.Gateways;
using PciCloud.Grains.Secrets;
using PciCloud.Grains.Webhooks;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Gateways.Sandbox;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// A region's cluster in process: one silo hosting the real grains (src/PciCloud.Grains), set up as
/// the region host sets itself up without Redis (localhost clustering on TCP, in-memory storage and
/// reminders; Hosting/OrleansHostingExtensions.cs) plus the sandbox gateway and local secret store,
/// with a wall clock the test can move. <see cref="Grains"/> is the silo's own grain factory (what the
/// region's calls API uses); a worker connects as a client through <see cref="GatewayPort"/>.
/// Orleans' InProcessTestCluster is not used: its silos talk over an in-memory transport that an
/// outside client like the worker cannot reach.
/// </summary>
internal sealed class RegionSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private RegionSilo(IHost host, MovableClock clock, int gatewayPort, string clusterId)
    {
        _host = host;
        Clock = clock;
        GatewayPort = gatewayPort;
        ClusterId = clusterId;
    }

    public MovableClock Clock { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IMediaWorkerDirectoryGrain Directory => Grains.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key);

    public string ClusterId { get; }

    public string ServiceId => "pcicloud";

    public int GatewayPort { get; }

    /// <summary>With <paramref name="tls"/>, the silo requires TLS as the region host does (Hosting/OrleansTls.cs).</summary>
    public static async Task<RegionSilo> StartAsync(TestCertificates? tls = null)
    {
        var clock = new MovableClock();
        var (siloPort, gatewayPort) = (FreeTcpPort(), FreeTcpPort());
        var clusterId = "test-" + Guid.NewGuid().ToString("N");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "pcicloud", clusterId: clusterId);
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            if (tls is not null)
            {
                silo.UseTls(tls.Silo, o =>
                {
                    o.RemoteCertificateMode = Orleans.Connections.Security.RemoteCertificateMode.RequireCertificate;
                    o.ClientCertificateMode = Orleans.Connections.Security.RemoteCertificateMode.RequireCertificate;
                    o.RemoteCertificateValidation = (remote, _, _) => tls.IsIssuedByCa(remote);
                });
            }
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<ISecretStore, LocalSecretStore>();
        builder.Services.AddKeyedSingleton<IGatewayConnector>(SandboxConnector.Kind, new SandboxConnector(new SandboxGateway()));
        builder.Services.AddSingleton<IGatewayResolver, GatewayResolver>();
        builder.Services.AddSingleton<IWebhookSender, NoWebhookSender>();
        builder.Services.AddSingleton<RegionMetrics>();
        builder.Services.AddSingleton<IMaskingCertificateSigner>(new TestCertificateSigner());
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new RegionSilo(host, clock, gatewayPort, clusterId);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
