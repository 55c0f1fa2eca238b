namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>An AU region (its seeded tenants are AU tenants: bank sessions take BSB and account number).</summary>
public sealed class AuRegion : RegionApplication, IAsyncLifetime
{
    public AuRegion() => With("Region:Name", "au");

    public async ValueTask InitializeAsync()
    {
        _ = Server;
        await RegisterWorkerAsync(capacity: 1000, portMin: 40000, portMax: 42000);
    }
}
