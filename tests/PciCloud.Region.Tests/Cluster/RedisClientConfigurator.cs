using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace PciCloud.Region.Tests.Cluster;

public sealed class RedisClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder client) =>
        client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(RedisSiloConfigurator.ConnectionString));
}
