using System.Diagnostics;
using System.Reflection;

namespace PciCloud.LocalStack.Hosting;

/// <summary>
/// Starts the whole product in this process, in dependency order (regions, then their masking
/// workers, then the edge), waits for every <c>/health</c>, and stops it in reverse order.
/// </summary>
public sealed class LocalStackRunner(StackOptions options) : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);
    private readonly List<InProcessHost> _started = [];
    private HostInterceptor? _interceptor;

    public StackOptions Options { get; } = options;

    /// <summary>How long the last <see cref="StartAsync"/> took until every part was healthy.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// Completes when any part stops by itself (a crash): the stack is then no longer whole.
    /// </summary>
    public Task AnyPartExited => Task.WhenAny(_started.Select(p => (Task)p.Exited));

    /// <summary>Starts everything; throws <see cref="PortsBusyException"/> before starting anything if a port is taken.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var busy = PortAvailability.BusyPorts(Options);
        if (busy.Count > 0)
        {
            throw new PortsBusyException(PortAvailability.BusyMessage(busy));
        }
        var clock = Stopwatch.StartNew();
        _interceptor = new HostInterceptor();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var regions = Assembly.Load("PciCloud.Region");
        var worker = Assembly.Load("PciCloud.MaskingWorker");
        var edge = Assembly.Load("PciCloud.Edge");

        await StartLayerAsync(http, StackOptions.RegionNames.Select(r =>
            new InProcessHost(r + "-region", regions, StackLayout.RegionArgs(Options, r), Health(Options.RegionUrl(r)))), cancellationToken).ConfigureAwait(false);
        await StartLayerAsync(http, StackOptions.RegionNames.Select(r =>
            new InProcessHost(r + "-worker", worker, StackLayout.WorkerArgs(Options, r), Health(Options.WorkerUrl(r)))), cancellationToken).ConfigureAwait(false);
        await StartLayerAsync(http, [new InProcessHost("edge", edge, StackLayout.EdgeArgs(Options), Health(Options.EdgeUrl))], cancellationToken).ConfigureAwait(false);
        StartupTime = clock.Elapsed;
    }

    /// <summary>Stops the edge first, then the workers, then the regions.</summary>
    public async Task StopAsync()
    {
        for (var layer = _started.Count - 1; layer >= 0;)
        {
            // Parts of one layer stop together; layers stop in reverse start order.
            var name = LayerOf(_started[layer]);
            var batch = new List<InProcessHost>();
            while (layer >= 0 && LayerOf(_started[layer]) == name)
            {
                batch.Add(_started[layer--]);
            }
            await Task.WhenAll(batch.Select(p => p.StopAsync(StopTimeout))).ConfigureAwait(false);
        }
        _started.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _interceptor?.Dispose();
    }

    private async Task StartLayerAsync(HttpClient http, IEnumerable<InProcessHost> parts, CancellationToken cancellationToken)
    {
        var layer = parts.ToList();
        foreach (var part in layer)
        {
            _started.Add(part);
            part.Start();
        }
        await Task.WhenAll(layer.Select(p => HealthWaiter.WaitAsync(p, http, Options.ReadyTimeout, cancellationToken))).ConfigureAwait(false);
    }

    private static string LayerOf(InProcessHost part) => part.Name.Split('-')[^1];

    private static Uri Health(Uri baseUrl) => new(baseUrl, "/health");
}
