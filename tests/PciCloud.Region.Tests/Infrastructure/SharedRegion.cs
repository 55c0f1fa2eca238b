using PciCloud.Contracts.Media;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>
/// One region host shared by the API tests (starting a silo costs seconds), with a masking worker
/// registered that keeps sending heartbeats like a real one (the directory drops silent workers).
/// </summary>
public sealed class SharedRegion : RegionApplication, IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _heartbeats;

    public async ValueTask InitializeAsync()
    {
        _ = Server;
        await RegisterWorkerAsync(capacity: 10_000, portMin: 40000, portMax: 60000);
        _heartbeats = HeartbeatAsync(_stop.Token);
    }

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_heartbeats is not null)
        {
            await _heartbeats;
        }

        _stop.Dispose();
        await base.DisposeAsync();
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        var directory = Grains.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (!await directory.HeartbeatAsync("worker-1", new MediaWorkerLoad(0)))
                {
                    await RegisterWorkerAsync(capacity: 10_000, portMin: 40000, portMax: 60000);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
