using Orleans.TestingHost;
using PciCloud.Contracts.Idempotency;
using PciCloud.Grains.Idempotency;
using StackExchange.Redis;

namespace PciCloud.Region.Tests.Cluster;

/// <summary>
/// Issue 12 item 9: the idempotency store never outgrows the last day's keys. On a real Redis, every
/// record carries a TTL (so one whose key never comes back is deleted by Redis), and other grain state does not.
/// </summary>
public sealed class IdempotencyRedisExpiryTests : IAsyncLifetime
{
    private RedisServer? _redis;
    private TestCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        RedisSiloConfigurator.ConnectionString = _redis.ConnectionString;
        var builder = new TestClusterBuilder(1);
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
    public async Task CompletedRecord_InRedis_ExpiresWithin24HoursAndALease()
    {
        var id = "tenant-a/" + Guid.NewGuid().ToString("N");
        var grain = _cluster!.Client.GetGrain<IIdempotencyGrain>(id);
        Assert.Equal(IdempotencyStatus.Started, (await grain.BeginAsync("hash")).Status);
        await grain.CompleteAsync("hash", new StoredResponse(201, "application/json", null, "{}"u8.ToArray()));

        await using var mux = await ConnectionMultiplexer.ConnectAsync(_redis!.ConnectionString);
        var server = mux.GetServer(mux.GetEndPoints().Single());
        var key = server.Keys(pattern: $"*{id}*").Single();
        var ttl = await mux.GetDatabase().KeyTimeToLiveAsync(key);

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, IdempotencyStorage.EntryExpiry - TimeSpan.FromMinutes(1), IdempotencyStorage.EntryExpiry);
        Assert.Equal(IdempotencyStatus.Replay, (await grain.BeginAsync("hash")).Status);
    }
}
