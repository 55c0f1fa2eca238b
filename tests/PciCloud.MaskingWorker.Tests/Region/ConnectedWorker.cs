using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Directory;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.MaskingWorker.Rtp;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// The real worker, composed exactly as Program.cs composes it (<see cref="MaskingWorkerHost.CreateBuilder"/>:
/// the media path plus <c>AddRegionConnection</c>), connected as an Orleans client to a <see cref="RegionSilo"/>
/// through its gateway. Its RTP range is one even port (the directory hands out even ports only).
/// </summary>
internal sealed class ConnectedWorker : IAsyncDisposable
{
    private int _disposed;

    private ConnectedWorker(WebApplication app, string workerId, int rtpPort)
    {
        App = app;
        WorkerId = workerId;
        RtpPort = rtpPort;
    }

    public WebApplication App { get; }

    public string WorkerId { get; }

    public int RtpPort { get; }

    public RtpRelayManager Relays => App.Services.GetRequiredService<RtpRelayManager>();

    public WorkerMetrics Metrics => App.Services.GetRequiredService<WorkerMetrics>();

    /// <summary>
    /// Starts the worker and waits until it is registered. With a <paramref name="heartbeatInterval"/> it
    /// heartbeats by itself; without one the test drives every round with <see cref="BeatAsync"/>.
    /// <paramref name="services"/> may replace a part after Program.cs's composition (e.g. a lossy call gateway).
    /// </summary>
    public static async Task<ConnectedWorker> StartAsync(
        RegionSilo region, string workerId, TimeSpan? heartbeatInterval = null, IEnumerable<string>? extraArgs = null,
        int portsAfterFirst = 0, string? ngListen = null, Action<IServiceCollection>? services = null)
    {
        var interval = heartbeatInterval ?? TimeSpan.FromDays(1);
        var rtpPort = FreeEvenUdpPorts(portsAfterFirst + 1);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Orleans:GatewayPort={region.GatewayPort}",
            $"--Orleans:ClusterId={region.ClusterId}",
            $"--Orleans:ServiceId={region.ServiceId}",
            $"--MaskingWorker:WorkerId={workerId}",
            $"--MaskingWorker:RtpPortStart={rtpPort}",
            $"--MaskingWorker:RtpPortEnd={rtpPort + portsAfterFirst}",
            $"--MaskingWorker:NgListenAddress={ngListen}",
            $"--MaskingWorker:HeartbeatInterval={interval.ToString("c", CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
            "--MaskingWorker:AllowedDestinationNetworks:0=127.0.0.0/8", // closed when empty
            "--MaskingWorker:MaxPacketsPerSecondPerCall=1000000", // tests send a call's seconds of audio in a burst
            "--MaskingWorker:DrainTimeout=00:00:00", // a test's stop cuts its calls, unless the test drains on purpose (extraArgs)
            .. extraArgs ?? [],
        ];
        var builder = MaskingWorkerHost.CreateBuilder(args);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMaskingWorker();
        var worker = new ConnectedWorker(app, workerId, rtpPort);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);

            // The worker's own first round (its region connection is up before it): once it has registered, that
            // round sends no more heartbeats, so a test that drives the rounds itself is alone from here on.
            await app.Services.GetRequiredService<WorkerDirectoryService>().Registered.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>One directory round now: heartbeat (or register again), sync the relays, report evidence.</summary>
    public Task BeatAsync() => App.Services.GetRequiredService<WorkerDirectoryService>().BeatAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    /// <summary>An even port that, with the <paramref name="count"/> - 1 ports after it, is free right now (all are probed together).</summary>
    private static int FreeEvenUdpPorts(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)probe.LocalEndPoint!).Port;
            if (port % 2 == 0 && port + count - 1 <= 65535 && RestFree(port + 1, count - 1))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no free even UDP port range found");
    }

    private static bool RestFree(int first, int count)
    {
        var probes = new List<Socket>();
        try
        {
            for (var port = first; port < first + count; port++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                probes.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            }

            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            probes.ForEach(p => p.Dispose());
        }
    }
}
