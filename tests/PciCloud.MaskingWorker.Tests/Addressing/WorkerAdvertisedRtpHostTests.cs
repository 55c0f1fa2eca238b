using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PciCloud.MaskingWorker.Addressing;
using PciCloud.MaskingWorker.Directory;
using PciCloud.MaskingWorker.Tests.Support;

namespace PciCloud.MaskingWorker.Tests.Addressing;

/// <summary>A whole worker with <c>AdvertisedRtpHostSource = azure-imds</c>: it registers the address the service gives, or not at all.</summary>
public sealed class WorkerAdvertisedRtpHostTests
{
    [Fact]
    public async Task TheWorkerRegistersThePublicIpTheMetadataServiceAnswers()
    {
        await using var imds = await FakeImds.StartAsync();
        imds.Answer = (200, "198.51.100.23\n");

        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort(), settings: ImdsSettings(imds));

        Assert.Equal("198.51.100.23", worker.Directory.Workers[worker.WorkerId].RtpHost);
        Assert.Equal(0, imds.RefusedForMissingHeader);
    }

    [Fact]
    public async Task WithoutImds_TheConfiguredHostIsAdvertised()
    {
        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort(), settings: new Dictionary<string, string?>
        {
            ["MaskingWorker:AdvertisedRtpHost"] = "192.0.2.44",
        });

        Assert.Equal("192.0.2.44", worker.Directory.Workers[worker.WorkerId].RtpHost);
    }

    [Theory]
    [InlineData(200, "garbage")]
    [InlineData(400, "Required metadata header not specified")]
    [InlineData(500, "")]
    public async Task AWorkerThatCannotLearnItsAddress_NeverRegistersAndStops(int status, string body)
    {
        await using var imds = await FakeImds.StartAsync();
        imds.Answer = (status, body);

        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort(), waitForRegistration: false, settings: ImdsSettings(imds));

        var stopping = worker.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await WhenCancelledAsync(stopping, TimeSpan.FromSeconds(30));
        Assert.Empty(worker.Directory.Workers);
        Assert.False(worker.App.Services.GetRequiredService<WorkerDirectoryService>().Registered.IsCompleted);
        // A heartbeat round cannot register it either: the failed lookup is not retried with a guess.
        await Assert.ThrowsAsync<AdvertisedRtpHostUnavailableException>(worker.BeatAsync);
        Assert.Empty(worker.Directory.Workers);
    }

    [Fact]
    public async Task AnUnknownSource_IsRefused()
    {
        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort(), waitForRegistration: false, settings: new Dictionary<string, string?>
        {
            ["MaskingWorker:AdvertisedRtpHostSource"] = "aws-imds",
        });

        var error = await Assert.ThrowsAsync<AdvertisedRtpHostUnavailableException>(worker.BeatAsync);
        Assert.Contains("azure-imds", error.Message, StringComparison.Ordinal);
        Assert.Empty(worker.Directory.Workers);
    }

    private static Dictionary<string, string?> ImdsSettings(FakeImds imds) => new()
    {
        ["MaskingWorker:AdvertisedRtpHost"] = "192.0.2.99", // must not be used
        ["MaskingWorker:AdvertisedRtpHostSource"] = "azure-imds",
        ["MaskingWorker:ImdsBaseUrl"] = imds.BaseUri.ToString(),
    };

    private static async Task WhenCancelledAsync(CancellationToken token, TimeSpan timeout)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = token.Register(() => cancelled.TrySetResult());
        await cancelled.Task.WaitAsync(timeout, TestContext.Current.CancellationToken);
    }
}
