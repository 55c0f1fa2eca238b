using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orleans.Runtime;
using PciCloud.Contracts.Calls;
using PciCloud.Region.Tests.Cluster;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Canary;

/// <summary>
/// SRTP master keys given with a call registration are secrets: on a Redis-backed region, after a
/// call registered with keys for every leg, neither Debug logs, traces, API responses nor any Redis
/// key or value holds a key. And because the keys live only in the CallGrain's memory, a
/// reactivated grain reports the call inactive (no worker carries it in clear) instead of keyless.
/// </summary>
public sealed class SrtpKeyCanaryTests
{
    private static readonly string[] Inlines =
    [
        "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz",
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd",
        "cXdlcnR5dWlvcGFzZGZnaGprbHp4Y3Zibm0xMjM0",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallWithSrtpKeys_NoKeyInLogsTracesResponsesOrRedis_AndAReactivatedGrainCarriesNoCall()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var region = new CanaryRegion(redis.ConnectionString);
        await region.EnsureWorkerAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var responses = new List<string>();
        var created = await client.PostJsonAsync("/v1/calls", new
        {
            externalId = "srtp-canary",
            media = new
            {
                transport = "rtp", forwardTo = "127.0.0.1:5004", recordTo = "127.0.0.1:5006",
                srtp = new
                {
                    customer = $"AES_CM_128_HMAC_SHA1_80 inline:{Inlines[0]}",
                    forwardTo = $"AES_CM_128_HMAC_SHA1_32 inline:{Inlines[1]}",
                    recordTo = $"AES_CM_128_HMAC_SHA1_80 inline:{Inlines[2]}|2^31",
                },
            },
        });
        responses.Add(await created.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var callId = (string)System.Text.Json.Nodes.JsonNode.Parse(responses[0])!["id"]!;
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        Assert.Equal($"AES_CM_128_HMAC_SHA1_80 inline:{Inlines[0]}", (await call.GetMediaSettings())!.Srtp?.Customer);
        responses.Add(await (await client.GetAsync($"/v1/calls/{callId}", Ct)).Content.ReadAsStringAsync(Ct));

        // Every idle activation goes; the call's grain comes back from Redis without its keys.
        await region.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reactivated = await call.GetMediaSettings();

        Assert.NotNull(reactivated);
        Assert.Null(reactivated.Srtp);
        Assert.False(reactivated.Active);
        responses.Add(await (await client.PostJsonAsync($"/v1/calls/{callId}/end", new { })).Content.ReadAsStringAsync(Ct));

        region.Services.GetService<TracerProvider>()?.ForceFlush();
        var redisDump = await RedisDump.AllAsync(redis.ConnectionString);
        var sources = new Dictionary<string, List<string>>
        {
            ["api"] = responses,
            ["logs"] = [.. region.Logs.Lines],
            ["traces"] = [.. region.Activities.Snapshot().Select(a => $"{a.DisplayName} {a.StatusDescription} "
                + string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}")))],
            ["redis"] = redisDump,
        };

        // Positive controls: each source was captured, and Redis holds this call's state.
        Assert.All(sources, s => Assert.True(s.Value.Count > 0, $"nothing captured from {s.Key}"));
        Assert.Contains(redisDump, line => line.Contains(callId, StringComparison.Ordinal));
        foreach (var (source, texts) in sources)
        {
            foreach (var text in texts)
            {
                foreach (var inline in Inlines)
                {
                    // Any 12 characters of a key (base64), or its first bytes in hex, would be a leak.
                    var hex = Convert.ToHexString(Convert.FromBase64String(inline)[..8]);
                    Assert.False(text.Contains(inline[..12], StringComparison.Ordinal) || text.Contains(inline[20..32], StringComparison.Ordinal)
                        || text.Contains(hex, StringComparison.OrdinalIgnoreCase), $"{source} carries an SRTP key: {text[..Math.Min(400, text.Length)]}");
                }
            }
        }
    }
}
