using PciCloud.Media.Srtp;

namespace PciCloud.Media.Tests.Srtp;

/// <summary>
/// The receiver against a plain model of RFC 3711's replay rule: a packet is accepted exactly when its
/// index was never accepted and lies within 128 of the highest accepted one. Streams cross the 16-bit
/// wrap and arrive reordered (up to 200 packets late), duplicated and with losses.
/// </summary>
public sealed class SrtpReplayModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void TryUnprotect_ReorderedDuplicatedStreamAcrossTheWrap_AcceptsExactlyWhatTheModelAccepts(int seed)
    {
        var random = new Random(seed);
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_32);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_32);
        const long first = 65_000;
        var sent = Enumerable.Range(0, 1500).Select(i => SrtpPackets.Protect(sender, SrtpPackets.Pcmu((ushort)(first + i)))).ToArray();
        var arrivals = Arrivals(random, sent.Length);
        var accepted = new HashSet<long>();
        var highest = -1L;
        var acceptedCount = 0;

        foreach (var i in arrivals)
        {
            var index = first + i;
            var expected = !accepted.Contains(index) && (highest < 0 || index > highest - 128);

            var plain = SrtpPackets.Unprotect(receiver, sent[i], out var error);

            Assert.True(expected == (plain is not null), $"seed {seed}: packet {index} (highest {highest}) expected {expected}, got {error}");
            if (plain is not null)
            {
                Assert.Equal(SrtpPackets.Pcmu((ushort)index), plain);
                accepted.Add(index);
                highest = Math.Max(highest, index);
                acceptedCount++;
            }
            else
            {
                Assert.True(error is SrtpError.Replayed or SrtpError.TooOld, $"refused for {error}");
            }
        }

        Assert.True(acceptedCount > 1000, "the stream mostly got through");
    }

    /// <summary>Arrival order: each packet is lost (5%), or delayed by up to 200 places (10%), and sometimes sent twice (5%).</summary>
    private static List<int> Arrivals(Random random, int count)
    {
        var slots = new List<(double At, int Packet)>();
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            if (roll < 0.05)
            {
                continue;
            }

            slots.Add((roll < 0.15 ? i + random.Next(1, 200) + 0.5 : i, i));
            if (random.NextDouble() < 0.05)
            {
                slots.Add((i + random.Next(0, 300) + 0.25, i));
            }
        }

        return [.. slots.OrderBy(s => s.At).Select(s => s.Packet)];
    }
}
