using System.Security.Cryptography;
using PciCloud.Media.Certificates;

namespace PciCloud.Media.Tests.Certificates;

public sealed class SentPayloadDigestTests
{
    [Fact]
    public void CurrentSha256Hex_IsTheSha256OfEverythingAppendedInOrder()
    {
        var packets = Enumerable.Range(0, 50).Select(i => Enumerable.Range(0, 160).Select(j => (byte)(i * 7 + j)).ToArray()).ToArray();
        using var digest = new SentPayloadDigest();

        foreach (var packet in packets.Take(20))
        {
            digest.Append(packet);
        }

        var partial = digest.CurrentSha256Hex();
        foreach (var packet in packets.Skip(20))
        {
            digest.Append(packet);
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(packets.Take(20).SelectMany(p => p).ToArray())), partial);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(packets.SelectMany(p => p).ToArray())), digest.CurrentSha256Hex());
        Assert.Equal(50 * 160, digest.Bytes);
        Assert.Equal(50, digest.Packets);
    }

    [Fact]
    public void Append_AllocatesNothing()
    {
        var packet = new byte[160];
        using var digest = new SentPayloadDigest();
        digest.Append(packet); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            digest.Append(packet);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
