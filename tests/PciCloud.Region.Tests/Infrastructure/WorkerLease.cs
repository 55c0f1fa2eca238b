namespace PciCloud.Region.Tests.Infrastructure;

internal static class WorkerLease
{
    /// <summary>
    /// (Re-)registers the test's masking worker: the directory drops a worker after 15 s without a
    /// heartbeat, and a long test run outlives the registration made when the host started.
    /// </summary>
    public static Task EnsureWorkerAsync(this RegionApplication region) =>
        region.RegisterWorkerAsync(capacity: 10_000, portMin: 40000, portMax: 60000);
}
