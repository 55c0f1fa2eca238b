using System.Net;
using PciCloud.MaskingWorker.Tests.Support;

namespace PciCloud.MaskingWorker.Tests.EndToEnd;

/// <summary>/health is readiness: a worker the region cannot assign calls to is not ready.</summary>
public sealed class WorkerHealthTests
{
    [Fact]
    public async Task Health_Is503UntilTheRegionsDirectoryKnowsTheWorker_Then200()
    {
        var directory = new FakeWorkerDirectory { Unreachable = true };
        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort(), directory: directory, waitForRegistration: false);
        using var http = new HttpClient { BaseAddress = worker.BaseUri };
        var ct = TestContext.Current.CancellationToken;

        using (var before = await http.GetAsync(new Uri("/health", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            Assert.Equal("application/problem+json", before.Content.Headers.ContentType?.MediaType);
        }

        using (var alive = await http.GetAsync(new Uri("/alive", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        directory.Unreachable = false;
        await worker.BeatAsync();

        using var after = await http.GetAsync(new Uri("/health", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(directory.Workers.ContainsKey(worker.WorkerId));
    }
}
