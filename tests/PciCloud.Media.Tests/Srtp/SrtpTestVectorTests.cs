using PciCloud.Media.Srtp;

namespace PciCloud.Media.Tests.Srtp;

/// <summary>The test vectors of RFC 3711 appendix B.</summary>
public sealed class SrtpTestVectorTests
{
    [Fact]
    public void AesCounterMode_Rfc3711B2_ProducesTheKeystreamAtBothEndsOfTheSegment()
    {
        // B.2: session key, salt already shifted (SSRC 0, index 0), a 65282-block segment.
        using var aes = new AesCounterMode(Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C"));
        var keystream = new byte[1044512];
        aes.Apply(Convert.FromHexString("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream);

        Assert.Equal(
            "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0",
            Convert.ToHexString(keystream, 0, 48));
        Assert.Equal(
            "EC8CDF7398607CB0F2D21675EA9EA1E4" + "362B7C3C6773516318A077D7FC5073AE" + "6A2CC3787889374FBEB4C81B17BA6C44",
            Convert.ToHexString(keystream, keystream.Length - 48, 48));
    }

    [Theory]
    [InlineData(SrtpKeyDerivation.RtpEncryptionLabel, "C61E7A93744F39EE10734AFE3FF7A087")]
    [InlineData(SrtpKeyDerivation.RtpSaltLabel, "30CBBC08863D8C85D49DB34A9AE1")]
    [InlineData(SrtpKeyDerivation.RtpAuthenticationLabel,
        "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE" +
        "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25" +
        "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2")]
    public void Derive_Rfc3711B3_ProducesTheSessionKeys(byte label, string expected)
    {
        var masterKey = SrtpPackets.Rfc3711MasterKeyAndSalt[..16];
        var masterSalt = SrtpPackets.Rfc3711MasterKeyAndSalt[16..];
        var output = new byte[expected.Length / 2];

        SrtpKeyDerivation.Derive(masterKey, masterSalt, label, output);

        Assert.Equal(expected, Convert.ToHexString(output));
    }

    [Fact]
    public void TryProtect_SsrcAndIndexZero_EncryptsWithTheSessionKeystream()
    {
        // With SSRC 0 and index 0 the IV is the session salt (4.1.1), so a zero payload encrypts to the
        // AES-CM keystream of the B.3 session key and salt: the whole chain from master key to ciphertext.
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        using var expected = new AesCounterMode(Convert.FromHexString("C61E7A93744F39EE10734AFE3FF7A087"));
        var keystream = new byte[32];
        expected.Apply(Convert.FromHexString("30CBBC08863D8C85D49DB34A9AE10000"), keystream);
        var packet = new byte[12 + 32];
        packet[0] = 0x80;

        var protectedPacket = SrtpPackets.Protect(sender, packet);

        Assert.Equal(packet[..12], protectedPacket[..12]);
        Assert.Equal(keystream, protectedPacket[12..44]);
        Assert.Equal(44 + 10, protectedPacket.Length);
    }
}
