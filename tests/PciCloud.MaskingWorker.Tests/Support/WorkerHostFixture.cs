using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Directory;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.MaskingWorker.Rtp;
using PciCloud.ServiceDefaults;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>A whole worker started in process on loopback (Kestrel and real UDP), with an in-memory region.</summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    private WorkerHost(WebApplication app, FakeCallGateway gateway, FakeWorkerDirectory directory, string workerId)
    {
        App = app;
        Gateway = gateway;
        Directory = directory;
        WorkerId = workerId;
    }

    public WebApplication App { get; }

    public FakeCallGateway Gateway { get; }

    public FakeWorkerDirectory Directory { get; }

    public string WorkerId { get; }

    public WorkerMetrics Metrics => App.Services.GetRequiredService<WorkerMetrics>();

    public RtpRelayManager Relays => App.Services.GetRequiredService<RtpRelayManager>();

    public Uri BaseUri => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<WorkerHost> StartAsync(
        int rtpPort, FakeCallGateway? gateway = null, FakeWorkerDirectory? directory = null, string workerId = "worker-test", int maxStreams = 100,
        bool waitForRegistration = true, IReadOnlyDictionary<string, string?>? settings = null, int? metricsPort = null)
    {
        gateway ??= new FakeCallGateway();
        directory ??= new FakeWorkerDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        // The media port first: BaseUri is the first address.
        builder.WebHost.UseUrls(metricsPort is { } port ? $"http://127.0.0.1:0;http://127.0.0.1:{port}" : "http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MaskingWorker:WorkerId"] = workerId,
            ["MaskingWorker:RtpPortStart"] = rtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MaskingWorker:RtpPortEnd"] = rtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MaskingWorker:MaxStreams"] = maxStreams.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MaskingWorker:HeartbeatInterval"] = "00:10:00", // tests drive the rounds themselves
            ["MaskingWorker:AllowedDestinationNetworks:0"] = "127.0.0.0/8", // closed when empty
            ["MaskingWorker:MaxPacketsPerSecondPerCall"] = "1000000", // tests send a call's seconds of audio in a burst
            ["MaskingWorker:DrainTimeout"] = "00:00:00", // a test's stop cuts its calls, unless the test drains on purpose
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddMaskingWorker();
        if (metricsPort is not null)
        {
            // As Program.cs composes it: telemetry, and the scrape endpoint on its own port.
            builder.Configuration[MetricsEndpointExtensions.PortSetting] = metricsPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.AddServiceDefaults();
        }

        builder.Services.AddSingleton<ICallGateway>(gateway);
        builder.Services.AddSingleton<IWorkerDirectory>(directory);
        var app = builder.Build();
        app.MapMetricsEndpoint();
        app.MapMaskingWorker();
        await app.StartAsync(TestContext.Current.CancellationToken);
        if (waitForRegistration)
        {
            await app.Services.GetRequiredService<WorkerDirectoryService>().Registered.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        return new WorkerHost(app, gateway, directory, workerId);
    }

    /// <summary>Registers an RTP call on this worker, as the region would, and has the worker open its port.</summary>
    public async Task AddRtpCallAsync(CallMediaSettings settings)
    {
        Gateway.Add(settings);
        Directory.RtpCalls[settings.CallId] = WorkerId;
        await BeatAsync();
        Assert.True(Relays.TryGet(settings.CallId, out _), "the worker opened the call's port");
    }

    public Task BeatAsync() => App.Services.GetRequiredService<WorkerDirectoryService>().BeatAsync(TestContext.Current.CancellationToken);

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
