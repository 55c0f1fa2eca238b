using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.Contracts.Tenants;
using PciCloud.MaskingWorker.Sip;
using PciCloud.MaskingWorker.Tests.Region;

namespace PciCloud.MaskingWorker.Tests.Sip;

/// <summary>A region silo with one tenant, and the real worker connected to it with its ng port open on loopback.</summary>
internal sealed class SipWorker : IAsyncDisposable
{
    public const string Tenant = RegionCalls.Tenant;

    private SipWorker(RegionSilo region, ConnectedWorker worker, IPEndPoint ng)
    {
        Region = region;
        Worker = worker;
        Ng = ng;
    }

    public RegionSilo Region { get; }

    public ConnectedWorker Worker { get; }

    public IPEndPoint Ng { get; }

    public SipCallControl Calls => Worker.App.Services.GetRequiredService<SipCallControl>();

    /// <summary>The worker's RTP range holds <paramref name="portPairs"/> SIP calls (two even ports each).</summary>
    public static async Task<SipWorker> StartAsync(int portPairs = 2)
    {
        var region = await RegionSilo.StartAsync();
        try
        {
            await region.Grains.GetGrain<ITenantGrain>(Tenant).CreateAsync(new TenantSettings(
                Tenant, Tenant, "us", "sandbox", ["visa", "mastercard"], ["USD"], ["card_number", "expiry", "security_code"], [], ["loopback"], DateTimeOffset.UtcNow));
            var worker = await ConnectedWorker.StartAsync(region, "worker-sip", TimeSpan.FromMilliseconds(200), extraArgs: [], portsAfterFirst: (portPairs * 4) - 1,
                ngListen: "127.0.0.1:0");
            var ng = await worker.App.Services.GetRequiredService<NgListener>().Bound;
            return new SipWorker(region, worker, ng!);
        }
        catch
        {
            await region.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Region.DisposeAsync();
    }
}
