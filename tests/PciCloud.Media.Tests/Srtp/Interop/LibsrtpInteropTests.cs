using PciCloud.Media.Srtp;

namespace PciCloud.Media.Tests.Srtp.Interop;

/// <summary>
/// Interoperability with an independent implementation (Debian's libsrtp2): a stream libsrtp protects
/// is unprotected here, and a stream protected here is unprotected by libsrtp, for both tag lengths,
/// across a sequence number wrap (so both sides agree on the rollover counter) and with a header
/// that carries CSRCs and an extension.
/// </summary>
public sealed class LibsrtpInteropTests(LibsrtpPeer peer) : IClassFixture<LibsrtpPeer>
{
    // libsrtp's srtp_err_status_t values the tests expect.
    private const int Ok = 0;
    private const int AuthFail = 7;
    private const int ReplayFail = 9;

    public static TheoryData<SrtpSuite, int> Suites => new() { { SrtpSuite.AesCm128HmacSha1_80, 80 }, { SrtpSuite.AesCm128HmacSha1_32, 32 } };

    [Theory]
    [MemberData(nameof(Suites))]
    public void LibsrtpProtects_WeUnprotect_EveryPacketComesBackExactly(SrtpSuite suite, int tagBits)
    {
        var keyAndSalt = FreshKey();
        var plain = Stream();

        var protectedByLibsrtp = peer.Process("protect", tagBits, keyAndSalt, plain);

        using var receiver = SrtpPackets.Context(suite, keyAndSalt);
        Assert.Equal(plain.Length, protectedByLibsrtp.Count);
        for (var i = 0; i < plain.Length; i++)
        {
            Assert.Equal(Ok, protectedByLibsrtp[i].Status);
            Assert.Equal(plain[i].Length + SrtpSuites.TagLength(suite), protectedByLibsrtp[i].Packet.Length);
            Assert.Equal(plain[i], SrtpPackets.Unprotect(receiver, protectedByLibsrtp[i].Packet, out var error));
            Assert.Equal(SrtpError.None, error);
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void WeProtect_LibsrtpUnprotects_EveryPacketComesBackExactly(SrtpSuite suite, int tagBits)
    {
        var keyAndSalt = FreshKey();
        var plain = Stream();
        using var sender = SrtpPackets.Context(suite, keyAndSalt);
        var protectedHere = plain.Select(packet => SrtpPackets.Protect(sender, packet)).ToArray();

        var unprotectedByLibsrtp = peer.Process("unprotect", tagBits, keyAndSalt, protectedHere);

        Assert.Equal(plain.Length, unprotectedByLibsrtp.Count);
        for (var i = 0; i < plain.Length; i++)
        {
            Assert.Equal(Ok, unprotectedByLibsrtp[i].Status);
            Assert.Equal(plain[i], unprotectedByLibsrtp[i].Packet);
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void WeProtect_TamperedOrReplayed_LibsrtpRefusesThem(SrtpSuite suite, int tagBits)
    {
        var keyAndSalt = FreshKey();
        using var sender = SrtpPackets.Context(suite, keyAndSalt);
        var first = SrtpPackets.Protect(sender, SrtpPackets.Pcmu(10));
        var tampered = SrtpPackets.Protect(sender, SrtpPackets.Pcmu(11));
        tampered[40] ^= 0x01;

        var results = peer.Process("unprotect", tagBits, keyAndSalt, [first, tampered, first]);

        Assert.Equal([Ok, AuthFail, ReplayFail], results.Select(r => r.Status));
    }

    /// <summary>40 PCMU packets across the 16-bit wrap (65520..65535, 0..23), one with CSRCs and an extension.</summary>
    private static byte[][] Stream() =>
        [.. Enumerable.Range(65520, 40).Select(s => s == 65530 ? SrtpPackets.WithCsrcsAndExtension(65530) : SrtpPackets.Pcmu((ushort)s))];

    private static byte[] FreshKey() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(30);
}
