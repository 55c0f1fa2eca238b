using PciCloud.Media.Rtp;
using PciCloud.Media.Srtp;

namespace PciCloud.Media.Tests.Srtp;

/// <summary>RTP packets and keys for the SRTP tests.</summary>
internal static class SrtpPackets
{
    /// <summary>RFC 3711 appendix B.3's master key and salt, as the SDES inline layout (key || salt).</summary>
    public static readonly byte[] Rfc3711MasterKeyAndSalt =
        Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139" + "0EC675AD498AFEEBB6960B3AABE6");

    /// <summary>A 20 ms PCMU packet (160 payload bytes) whose payload depends on the sequence number.</summary>
    public static byte[] Pcmu(ushort sequence, uint ssrc = 0x0BADCAFE, int payloadLength = 160)
    {
        var payload = new byte[payloadLength];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)((sequence * 31) + (i * 7));
        }

        var packet = new byte[RtpPacket.FixedHeaderLength + payloadLength];
        Assert.True(RtpWriter.TryWrite(new RtpHeader(0, sequence, sequence * 160u, ssrc), payload, packet, out _));
        return packet;
    }

    /// <summary>A packet with two CSRCs and a header extension, to prove the header stays clear and authenticated.</summary>
    public static byte[] WithCsrcsAndExtension(ushort sequence)
    {
        var extension = new RtpHeaderExtension(0xBEDE, [0x10, 0xAA, 0x00, 0x00]);
        var length = RtpWriter.GetLength(2, extension, 20, 0);
        var packet = new byte[length];
        Assert.True(RtpWriter.TryWrite(
            new RtpHeader(0, sequence, 4242, 0x11223344), [1u, 2u], extension, new byte[20], 0, packet, out _));
        return packet;
    }

    public static SrtpContext Context(SrtpSuite suite, byte[]? keyAndSalt = null, long lifetime = SrtpMasterKey.MaxLifetime)
    {
        using var key = new SrtpMasterKey(suite, keyAndSalt ?? Rfc3711MasterKeyAndSalt, lifetime);
        return new SrtpContext(key);
    }

    /// <summary>Protects a copy of <paramref name="packet"/>; fails the test if the context refuses.</summary>
    public static byte[] Protect(SrtpContext sender, byte[] packet)
    {
        var buffer = new byte[packet.Length + SrtpSuites.MaxTagLength];
        packet.CopyTo(buffer, 0);
        Assert.True(sender.TryProtect(buffer, packet.Length, out var length, out var error), $"protect refused: {error}");
        return buffer[..length];
    }

    /// <summary>Unprotects a copy; the plain packet, or null with <paramref name="error"/>.</summary>
    public static byte[]? Unprotect(SrtpContext receiver, byte[] packet, out SrtpError error)
    {
        var copy = (byte[])packet.Clone();
        return receiver.TryUnprotect(copy, out var length, out error) ? copy[..length] : null;
    }
}
