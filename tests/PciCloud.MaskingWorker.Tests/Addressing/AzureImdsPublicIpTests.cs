using System.Net;
using PciCloud.MaskingWorker.Addressing;
using PciCloud.MaskingWorker.Tests.Support;

namespace PciCloud.MaskingWorker.Tests.Addressing;

/// <summary>The instance metadata client against a local server that behaves like the real service.</summary>
public sealed class AzureImdsPublicIpTests
{
    [Fact]
    public async Task ReadsThePublicIp_SendingTheMetadataHeader()
    {
        await using var server = await FakeImds.StartAsync();
        using var http = new HttpClient();

        var address = await new AzureImdsPublicIp(http, server.BaseUri).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(IPAddress.Parse("203.0.113.7"), address);
        Assert.Equal(1, server.Requests);
        Assert.Equal(0, server.RefusedForMissingHeader);
    }

    [Fact]
    public async Task TheServerRefusesARequestWithoutTheHeader_AndARefusalIsAnError()
    {
        await using var server = await FakeImds.StartAsync();
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        // Without the header the (fake, like the real) service refuses: the header the client sends is what makes it answer.
        using (var bare = await http.GetAsync(new Uri(server.BaseUri, AzureImdsPublicIp.RelativePath), ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        }

        Assert.Equal(1, server.RefusedForMissingHeader);

        server.Answer = (400, "Required metadata header not specified");
        var error = await Assert.ThrowsAsync<AdvertisedRtpHostUnavailableException>(
            () => new AzureImdsPublicIp(http, server.BaseUri).ReadAsync(ct));
        Assert.Contains("HTTP 400", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("<html>proxy login</html>")]
    [InlineData("1")] // IPAddress.TryParse would read 0.0.0.1
    [InlineData("10.1")] // ... and 10.0.0.1
    [InlineData("2001:db8::1")]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("203.0.113.7\n198.51.100.1")]
    public async Task AGarbageAnswerIsAnError(string body)
    {
        await using var server = await FakeImds.StartAsync();
        server.Answer = (200, body);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<AdvertisedRtpHostUnavailableException>(
            () => new AzureImdsPublicIp(http, server.BaseUri).ReadAsync(TestContext.Current.CancellationToken));

        Assert.Contains("not a usable IPv4 address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyAnswer_TheNodeHasNoPublicIp_IsAnError()
    {
        await using var server = await FakeImds.StartAsync();
        server.Answer = (200, "");
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<AdvertisedRtpHostUnavailableException>(
            () => new AzureImdsPublicIp(http, server.BaseUri).ReadAsync(TestContext.Current.CancellationToken));

        Assert.Contains("no public IP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoServerListening_IsAnError()
    {
        Uri closed;
        await using (var server = await FakeImds.StartAsync())
        {
            closed = server.BaseUri;
        }

        using var http = new HttpClient();
        await Assert.ThrowsAsync<AdvertisedRtpHostUnavailableException>(
            () => new AzureImdsPublicIp(http, closed).ReadAsync(TestContext.Current.CancellationToken));
    }
}
