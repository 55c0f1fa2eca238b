using Microsoft.Extensions.DependencyInjection.Extensions;
using PciCloud.MaskingWorker.Addressing;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Directory;
using PciCloud.MaskingWorker.Rtp;
using PciCloud.MaskingWorker.Sip;
using PciCloud.MaskingWorker.Streams;
using PciCloud.MaskingWorker.WebSockets;
using Microsoft.Extensions.Options;
using PciCloud.Media.Evidence;
using PciCloud.Media.Masking;

namespace PciCloud.MaskingWorker.Hosting;

/// <summary>
/// Composes a masking worker. Program.cs uses it; so can another program that starts workers in
/// process (the local stack starts one per region with <see cref="CreateBuilder"/>).
/// </summary>
public static class MaskingWorkerHost
{
    /// <summary>Beyond the drain: the last evidence reports, unregistering, closing the region connection.</summary>
    public static readonly TimeSpan DrainMargin = TimeSpan.FromSeconds(30);

    /// <summary>A web application builder with the whole worker, connected to its region's cluster as an Orleans client.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The connection first: hosted services start in registration order and stop in reverse, so the
        // Orleans client is up before the first directory round and still up when the worker stops —
        // which is when it unregisters and its last key presses and masking evidence are delivered.
        builder.AddRegionConnection();
        builder.AddMaskingWorker();
        return builder;
    }

    /// <summary>The worker's media path, directory heartbeat and metrics; the region connection is added separately.</summary>
    public static WebApplicationBuilder AddMaskingWorker(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MaskingWorkerOptions.SectionName);
        builder.Services.AddOptions<MaskingWorkerOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MaskingWorkerOptions>, MaskingWorkerOptionsValidator>();
        builder.Services.Configure<MaskingOptions>(section.GetSection("Masking"));
        // A stop (SIGTERM) drains the worker's calls for up to DrainTimeout: the host must wait that long.
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<MaskingWorkerOptions>>(
            (host, worker) => host.ShutdownTimeout = worker.Value.DrainTimeout + DrainMargin);
        builder.Services.AddSingleton<IOptions<OutputLeakDetectorOptions>>(_ =>
            Options.Create(section.GetSection("Evidence").Get<OutputLeakDetectorOptions>() ?? OutputLeakCheckFactory.Strict));
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<WorkerMetrics>();
        builder.Services.TryAddSingleton<IFrameMaskerFactory, MaskingChannelMaskerFactory>();
        builder.Services.TryAddSingleton<IOutputLeakCheckFactory, OutputLeakCheckFactory>();
        builder.Services.TryAddSingleton<DestinationPolicy>();
        builder.Services.TryAddSingleton<MediaSessionRegistry>();
        builder.Services.TryAddSingleton<RtpRelayManager>();
        builder.Services.AddHttpClient(AzureImdsPublicIp.HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(5);
                client.MaxResponseContentBufferSize = 1024;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        builder.Services.TryAddSingleton<AdvertisedRtpHostResolver>();
        builder.Services.TryAddSingleton<WorkerDirectoryService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WorkerDirectoryService>());
        builder.AddNgControl();
        return builder;
    }

    /// <summary>Maps the worker's endpoints: WebSocket media streams and health.</summary>
    public static WebApplication MapMaskingWorker(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapMediaStreamsApi();
        // Ready only once the region's directory knows this worker: before that no call can be
        // assigned to it, and a stack that waits on /health would hand out calls to nobody.
        // Not ready either from the moment it drains: it takes no new calls (the ones it has go on).
        app.MapGet("/health", (WorkerDirectoryService directory) =>
            directory.Draining ? Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Draining: no new calls")
            : directory.Registered.IsCompletedSuccessfully ? Results.Ok("ok")
            : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not registered with the region's directory yet"));
        app.MapGet("/alive", () => TypedResults.Ok("ok"));
        return app;
    }
}
