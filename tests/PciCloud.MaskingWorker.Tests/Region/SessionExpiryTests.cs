using System.Net;
using PciCloud.Contracts.Media;
using PciCloud.Contracts.Sessions;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// A session that expires is persisted as expired and lets its call go, also when a command is what
/// notices the expiry, whatever the tenant wrote in its description (the grain once looked for
/// <c>"expired"</c> in the persisted JSON, and a description of "expired" hid the expiry). Real grains.
/// </summary>
public sealed class SessionExpiryTests
{
    [Theory]
    [InlineData("Order 1001")]
    [InlineData("expired")]
    public async Task ExpiryNoticedByACommand_IsPersisted_TheCallCanOpenANewSession(string description)
    {
        await using var region = await RegionSilo.StartAsync();
        await region.Directory.RegisterAsync(new MediaWorkerRegistration("worker-a", "127.0.0.1", 40000, 40010, "ws://127.0.0.1:9", 10));
        var callId = "call_" + Guid.NewGuid().ToString("N");
        var (call, _) = await RegionCalls.StartRtpCallAsync(region, callId, "PCMU", new IPEndPoint(IPAddress.Loopback, 9), null);
        var sessionId = "ps_" + Guid.NewGuid().ToString("N");
        Assert.True(await call.OpenSessionAsync(sessionId));
        var session = region.Grains.GetGrain<IPaymentSessionGrain>(sessionId);
        Assert.True((await session.CreateAsync(new SessionCreate(RegionCalls.Tenant, callId, "charge", 1999, "USD", description, null, "agent-1", false,
            ["card_number", "expiry", "security_code"], null, "us", "sandbox", []))).Ok);

        region.Clock.MoveForward(TimeSpan.FromMinutes(11)); // past the 10-minute inactivity timeout
        var refused = await session.CaptureAsync("card_number");

        Assert.Equal("session_expired", refused.ErrorCode);
        Assert.Equal("expired", (await session.GetAsync())!.Status);
        Assert.True(await call.OpenSessionAsync("ps_" + Guid.NewGuid().ToString("N")), "the expired session still holds the call");
    }
}
