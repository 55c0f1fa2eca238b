using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PciCloud.LoadTests.Runner;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Directory;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.MaskingWorker.Rtp;

namespace PciCloud.LoadTests.MaskingWorker;

/// <summary>Child process: the real masking worker (its whole host), with the benchmark's calls assigned to it.</summary>
public sealed class ServeMaskingWorkerScenario : IScenario
{
    public string Name => "serve-masking-worker";

    public string Description => "(helper) a masking worker carrying the benchmark's calls";

    public bool Hidden => true;

    public async Task<int> RunAsync(ScenarioArgs args, CancellationToken cancellationToken)
    {
        var calls = (int)args.Number("calls", 100);
        var portStart = (int)args.Number("port-start", 41000);
        var forward = IPEndPoint.Parse(args.Text("forward") ?? throw new ArgumentException("--forward host:port"));
        var record = IPEndPoint.Parse(args.Text("record") ?? throw new ArgumentException("--record host:port"));
        var region = new LoadTestRegion(calls, portStart, forward, record);

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MaskingWorker:WorkerId"] = "load-worker",
            ["MaskingWorker:RtpPortStart"] = portStart.ToString(CultureInfo.InvariantCulture),
            ["MaskingWorker:RtpPortEnd"] = (portStart + calls - 1).ToString(CultureInfo.InvariantCulture),
            ["MaskingWorker:MaxStreams"] = (calls + 10).ToString(CultureInfo.InvariantCulture),
        });
        builder.AddMaskingWorker();
        builder.Services.AddSingleton<ICallGateway>(region);
        builder.Services.AddSingleton<IWorkerDirectory>(region);
        var app = builder.Build();
        app.MapMaskingWorker();
        app.MapGet("/stats", (WorkerMetrics m) => Results.Text(string.Create(CultureInfo.InvariantCulture,
            $"{Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds} {m.PacketsIn} {m.PacketsOut} {m.LateFrames} {m.Digits} {m.Leaks} {region.KeyPresses}")));
        await app.StartAsync(cancellationToken);
        var relays = app.Services.GetRequiredService<RtpRelayManager>();
        while (relays.Count < calls)
        {
            await Task.Delay(100, cancellationToken);
        }

        ChildProcess.AnnounceReady(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
