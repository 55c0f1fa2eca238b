using System.Text;
using StackExchange.Redis;

namespace PciCloud.Region.Tests.Canary;

/// <summary>Every key of a Redis database with its value (SCAN, TYPE, then GET / HGETALL / LRANGE / SMEMBERS / ZRANGE).</summary>
public static class RedisDump
{
    public static async Task<List<string>> AllAsync(string connectionString)
    {
        await using var mux = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var db = mux.GetDatabase();
        var server = mux.GetServers()[0];
        var dump = new List<string>();
        await foreach (var key in server.KeysAsync(pageSize: 500))
        {
            var type = await db.KeyTypeAsync(key);
            var values = type switch
            {
                RedisType.String => [(byte[]?)await db.StringGetAsync(key)],
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { (byte[]?)e.Name, (byte[]?)e.Value }).ToArray(),
                RedisType.List => (await db.ListRangeAsync(key)).Select(v => (byte[]?)v).ToArray(),
                RedisType.Set => (await db.SetMembersAsync(key)).Select(v => (byte[]?)v).ToArray(),
                RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(key)).Select(v => (byte[]?)v).ToArray(),
                _ => Array.Empty<byte[]?>(),
            };

            // Latin-1 keeps every byte as one char, so a digit run inside a binary value is still found.
            dump.Add($"{key} ({type}): " + string.Join(" ", values.Select(v => v is null ? "" : Encoding.Latin1.GetString(v))));
        }

        return dump;
    }
}
