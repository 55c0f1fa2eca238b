using System.Net;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Media;
using PciCloud.Contracts.Sessions;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>What the region's calls API does with the grains: reserve media, start the call, open a payment session.</summary>
internal static class RegionCalls
{
    public const string Tenant = "tenant-a";

    /// <summary>Reserves a worker port and starts an RTP call on it (as POST /v1/calls does before it answers 201).</summary>
    public static async Task<(ICallGrain Call, MediaReservation Reservation)> StartRtpCallAsync(
        RegionSilo region, string callId, string codec, IPEndPoint forwardTo, IPEndPoint? recordTo, string? expectFrom = null)
    {
        var reservation = await region.Directory.ReserveMedia(callId, "rtp");
        Assert.NotNull(reservation);
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        var media = new CallMediaRequest("rtp", codec, forwardTo.ToString(), recordTo?.ToString(), expectFrom);
        await call.StartAsync(new CallStart(Tenant, null, null, null, media, reservation, new string('0', 64)));
        return (call, reservation);
    }

    /// <summary>Opens a charge session on the call and starts capturing the card number.</summary>
    public static async Task<IPaymentSessionGrain> OpenCapturingSessionAsync(RegionSilo region, ICallGrain call, string callId)
    {
        var sessionId = "ps_" + Guid.NewGuid().ToString("N");
        Assert.True(await call.OpenSessionAsync(sessionId));
        var session = region.Grains.GetGrain<IPaymentSessionGrain>(sessionId);
        var created = await session.CreateAsync(new SessionCreate(Tenant, callId, "charge", 1999, "USD", null, null, "agent-1", false,
            ["card_number", "expiry", "security_code"], null, "us", "sandbox", []));
        Assert.True(created.Ok, created.ErrorCode);
        Assert.True((await session.CaptureAsync("card_number")).Ok);
        return session;
    }

    /// <summary>Waits on the session's own change signal until <paramref name="done"/> holds for its view.</summary>
    public static async Task<PaymentSessionView> WaitForSessionAsync(IPaymentSessionGrain session, Func<PaymentSessionView, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var view = (await session.GetAsync())!;
        while (!done(view))
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the payment session");
            view = await session.WaitForChangeAsync(view.Version, TimeSpan.FromSeconds(5)) ?? view;
        }

        return view;
    }
}
