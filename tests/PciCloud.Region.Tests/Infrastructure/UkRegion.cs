namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>A UK region (its seeded tenants are UK tenants: bank sessions take sort code and account number).</summary>
public sealed class UkRegion : RegionApplication, IAsyncLifetime
{
    public UkRegion() => With("Region:Name", "uk");

    public async ValueTask InitializeAsync()
    {
        _ = Server;
        await RegisterWorkerAsync(capacity: 1000, portMin: 40000, portMax: 42000);
    }
}
