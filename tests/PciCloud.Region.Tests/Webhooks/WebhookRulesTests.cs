using System.Net;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Webhooks;
using PciCloud.Region.Webhooks;

namespace PciCloud.Region.Tests.Webhooks;

public sealed class WebhookRulesTests
{
    private static readonly WebhookOptions Defaults = new();

    [Fact]
    public void Delay_DoublesFromInitialUpToTheCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookRetryPolicy.Delay(1, Defaults));
        Assert.Equal(TimeSpan.FromSeconds(60), WebhookRetryPolicy.Delay(2, Defaults));
        Assert.Equal(TimeSpan.FromSeconds(120), WebhookRetryPolicy.Delay(3, Defaults));
        Assert.Equal(Defaults.MaxRetryDelay, WebhookRetryPolicy.Delay(40, Defaults));
    }

    [Fact]
    public void NextAttempt_KeepsTryingForThreeDaysThenGivesUp()
    {
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var now = created;
        var attempts = 0;
        while (WebhookRetryPolicy.NextAttempt(created, ++attempts, now, Defaults) is { } next)
        {
            Assert.True(next > now);
            Assert.True(next <= created + TimeSpan.FromDays(3));
            now = next;
        }

        Assert.Equal(created + TimeSpan.FromDays(3), now);
        Assert.InRange(attempts, 10, 30);
    }

    [Fact]
    public void Signature_IsHmacOfTimestampDotBody()
    {
        var header = WebhookSignature.Header("whsec_k", 1700000000, "{\"a\":1}");
        // HMAC-SHA256(key "whsec_k", "1700000000.{\"a\":1}") computed independently (openssl dgst -sha256 -hmac).
        Assert.Equal("t=1700000000,v1=a252a4340d8bbbdbac8643a2812cc7d628ad79bfba544bff054ac2fa10f795a2", header);
        Assert.True(WebhookSignature.Verify("whsec_k", header, "{\"a\":1}"));
        Assert.False(WebhookSignature.Verify("whsec_other", header, "{\"a\":1}"));
        Assert.False(WebhookSignature.Verify("whsec_k", header.Replace("t=1700000000", "t=1700000001", StringComparison.Ordinal), "{\"a\":1}"));
        Assert.False(WebhookSignature.Verify("whsec_k", "garbage", "{\"a\":1}"));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd12::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("203.0.113.10", false)]
    [InlineData("2001:db8::1", false)]
    public void IsNonPublic_ClassifiesAddresses(string address, bool nonPublic) =>
        Assert.Equal(nonPublic, WebhookAddressRules.IsNonPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("payment_session.*", "payment_session.failed", true)]
    [InlineData("payment_session.*", "call.ended", false)]
    [InlineData("*", "schedule.charged", true)]
    [InlineData("refund.updated", "refund.updated", true)]
    [InlineData("refund.updated", "refund.created", false)]
    public void Matches_Patterns(string pattern, string type, bool expected) =>
        Assert.Equal(expected, WebhookEventTypes.Matches(pattern, type));
}
