using System.Text;
using Orleans.Runtime;
using Orleans.TestingHost;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Media;
using PciCloud.Contracts.Payments;
using PciCloud.Contracts.Schedules;
using PciCloud.Contracts.Sessions;
using PciCloud.Grains.Schedules;
using StackExchange.Redis;

namespace PciCloud.Region.Tests.Cluster;

/// <summary>Two silos on a real Redis: failover, exactly-once submit, and what Redis ends up holding.</summary>
public sealed class TwoSiloRedisTests : IAsyncLifetime
{
    private const string Card = "4242424242424242";
    private RedisServer? _redis;
    private TestCluster? _cluster;
    private long _sequence;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        RedisSiloConfigurator.ConnectionString = _redis.ConnectionString;
        RedisSiloConfigurator.Sandbox = new();
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.AddSiloBuilderConfigurator<RedisSiloConfigurator>();
        builder.AddClientBuilderConfigurator<RedisClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task Session_SiloKilledMidCapture_ComesBackCapturingWithLostFields_ThenOneChargeForTwoConcurrentSubmits()
    {
        var grains = _cluster!.Client;
        var (call, sessionId) = await OpenSessionAsync(grains);
        var session = grains.GetGrain<IPaymentSessionGrain>(sessionId);
        await KeyAsync(call, session, "card_number", Card);
        await session.CaptureAsync("expiry");
        await KeyDigitsAsync(call, "12");

        var host = await HostOfAsync(sessionId);
        await _cluster.KillSiloAsync(_cluster.Silos.Single(s => s.SiloAddress.Equals(host)));

        var restored = await session.GetAsync();
        Assert.NotNull(restored);
        Assert.Equal("capturing", restored.Status);
        Assert.True(restored.CaptureInterrupted);
        Assert.Equal("empty", restored.Fields["card_number"].State);
        Assert.Null(restored.Fields["card_number"].Last4);
        Assert.NotEqual(host, await HostOfAsync(sessionId));

        await KeyAsync(call, session, "card_number", Card);
        await KeyAsync(call, session, "expiry", "1230");
        await KeyAsync(call, session, "security_code", "737");
        Assert.Equal("ready", (await session.GetAsync())!.Status);

        // Two clients at once: the grain runs one submit, the other sees the persisted result.
        var second = grains.GetGrain<IPaymentSessionGrain>(sessionId);
        var replies = await Task.WhenAll(session.SubmitAsync(), second.SubmitAsync());
        Assert.All(replies, r => Assert.Equal("succeeded", r.View!.Status));
        Assert.Equal(replies[0].View!.Result!.PaymentId, replies[1].View!.Result!.PaymentId);
        Assert.Single(RedisSiloConfigurator.Sandbox.Ledger());

        await AssertRedisHoldsNoCardDataAsync();
    }

    [Fact]
    public async Task ResubmitAfterSuccess_ReplaysStoredResult_NoSecondCharge()
    {
        var grains = _cluster!.Client;
        var (call, sessionId) = await OpenSessionAsync(grains);
        var session = grains.GetGrain<IPaymentSessionGrain>(sessionId);
        await KeyAsync(call, session, "card_number", Card);
        await KeyAsync(call, session, "expiry", "1230");
        await KeyAsync(call, session, "security_code", "737");
        var first = await session.SubmitAsync();

        var host = await HostOfAsync(sessionId);
        await _cluster.KillSiloAsync(_cluster.Silos.Single(s => s.SiloAddress.Equals(host)));
        var replay = await session.SubmitAsync();

        Assert.Equal("succeeded", replay.View!.Status);
        Assert.Equal(first.View!.Result!.PaymentId, replay.View.Result!.PaymentId);
        Assert.Single(RedisSiloConfigurator.Sandbox.Ledger());
    }

    [Fact]
    public async Task Recurring_ScheduleAndPaymentStateSurviveSiloLoss_ReminderKeptInRedis()
    {
        var grains = _cluster!.Client;
        var (call, sessionId) = await OpenSessionAsync(grains, "recurring", new RecurringPlan("month", 6, null));
        var session = grains.GetGrain<IPaymentSessionGrain>(sessionId);
        await KeyAsync(call, session, "card_number", Card);
        await KeyAsync(call, session, "expiry", "1230");
        await KeyAsync(call, session, "security_code", "737");
        var result = (await session.SubmitAsync()).View!.Result!;
        var schedule = grains.GetGrain<IScheduleGrain>(result.ScheduleId!);
        var charged = await WaitAsync(async () => await schedule.GetAsync() is { Charges: [{ Status: "succeeded" }] } v ? v : null);

        var payment = grains.GetGrain<IPaymentGrain>(charged.Charges[0].PaymentId);
        Assert.True((await payment.RefundAsync(new RefundCommand("re_cluster", 300, null))).Ok);

        var host = await HostOfAsync(charged.Id);
        await _cluster.KillSiloAsync(_cluster.Silos.Single(s => s.SiloAddress.Equals(host)));
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero); // the rest reads back from Redis too
        var restored = await schedule.GetAsync();
        Assert.Equal(charged with { Charges = restored!.Charges }, restored);
        Assert.Equal(charged.Charges, restored.Charges);
        Assert.Null(restored.Plan.StartDate);

        var refunded = await payment.GetAsync();
        Assert.Equal(300, refunded!.AmountRefunded);
        Assert.Equal(result.TokenId, refunded.TokenId);
        Assert.Single(RedisSiloConfigurator.Sandbox.Ledger(), e => e.Kind == "token_charge" && e.RefundedMinorUnits == 300);
        await AssertRedisHoldsNoCardDataAsync();
        Assert.Contains(ScheduleGrain.ReminderName, await RedisTextAsync(), StringComparison.Ordinal);
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe) where T : class
    {
        T? value = null;
        await Infrastructure.Waiting.UntilAsync(async () => (value = await probe()) is not null, "the schedule's first charge");
        return value!;
    }

    private async Task<(ICallGrain Call, string SessionId)> OpenSessionAsync(IGrainFactory grains, string intent = "charge", RecurringPlan? plan = null)
    {
        var callId = "call_" + Guid.NewGuid().ToString("N");
        var call = grains.GetGrain<ICallGrain>(callId);
        await call.StartAsync(new CallStart("tenant-a", null, null, null, new CallMediaRequest("websocket", "PCMU", null, null, null),
            new MediaReservation("w1", "127.0.0.1", null, "ws://127.0.0.1:9"), new string('0', 64)));
        var sessionId = "ps_" + Guid.NewGuid().ToString("N");
        Assert.True(await call.OpenSessionAsync(sessionId));
        var reply = await grains.GetGrain<IPaymentSessionGrain>(sessionId).CreateAsync(new SessionCreate("tenant-a", callId, intent, 1999, "USD",
            null, null, "agent-1", false, ["card_number", "expiry", "security_code"], plan, "us", "sandbox", []));
        Assert.True(reply.Ok, reply.ErrorCode);
        return (call, sessionId);
    }

    private async Task KeyAsync(ICallGrain call, IPaymentSessionGrain session, string field, string digits)
    {
        Assert.True((await session.CaptureAsync(field)).Ok);
        await KeyDigitsAsync(call, digits);
    }

    private async Task KeyDigitsAsync(ICallGrain call, string digits)
    {
        foreach (var d in digits)
        {
            Assert.Equal(KeyPressOutcome.Routed, await call.ReportKeyPress(new KeyPressReport(d, ++_sequence, 0, 80, "rfc4733")));
        }
    }

    private async Task<SiloAddress> HostOfAsync(string sessionId)
    {
        var management = _cluster!.Client.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics();
        return stats.Single(s => s.GrainId.ToString().EndsWith(sessionId, StringComparison.Ordinal)).SiloAddress;
    }

    /// <summary>Every key and value Redis holds (SCAN + GET/HGETALL/ZRANGE): no card number, expiry or security code.</summary>
    private async Task AssertRedisHoldsNoCardDataAsync()
    {
        var text = await RedisTextAsync();
        Assert.Contains("payment-session", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Card, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"1230\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"737\"", text, StringComparison.Ordinal);
    }

    private async Task<string> RedisTextAsync()
    {
        await using var mux = await ConnectionMultiplexer.ConnectAsync(_redis!.ConnectionString + ",allowAdmin=true");
        var db = mux.GetDatabase();
        var dump = new StringBuilder();
        foreach (var key in mux.GetServer(_redis.ConnectionString).Keys(pattern: "*", pageSize: 100))
        {
            dump.Append(key).Append('\n');
            var type = await db.KeyTypeAsync(key);
            if (type == RedisType.String)
            {
                dump.Append(await db.StringGetAsync(key)).Append('\n');
            }
            else if (type == RedisType.Hash)
            {
                foreach (var entry in await db.HashGetAllAsync(key))
                {
                    dump.Append(entry.Name).Append('=').Append(entry.Value).Append('\n');
                }
            }
            else if (type == RedisType.SortedSet)
            {
                foreach (var member in await db.SortedSetRangeByRankAsync(key))
                {
                    dump.Append(member).Append('\n');
                }
            }
        }

        return dump.ToString();
    }
}
