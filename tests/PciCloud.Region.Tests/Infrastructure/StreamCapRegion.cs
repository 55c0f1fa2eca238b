namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>A region whose tenants may hold only <see cref="Cap"/> open event streams each.</summary>
public sealed class StreamCapRegion : RegionApplication, IAsyncLifetime
{
    public const int Cap = 2;

    public StreamCapRegion() => With("Region:MaxOpenStreamsPerTenant", Cap.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask InitializeAsync()
    {
        _ = Server;
        await RegisterWorkerAsync(capacity: 1000, portMin: 40000, portMax: 42000);
    }
}
