using PciCloud.Media.Rtp;

namespace PciCloud.Media.Tests.Rtp;

public sealed class RtpPacketTests
{
    // A real-shaped PCMU packet: V=2, no P/X/CC, M=1, PT=0, seq 0x1234, ts 0xDEADBEEF, SSRC 0x01020304.
    private static readonly byte[] Minimal =
    [
        0x80, 0x80, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03, 0x04, 0xFF, 0x7F, 0x00,
    ];

    [Fact]
    public void TryParse_MinimalPacket_ReadsEveryField()
    {
        Assert.True(RtpPacket.TryParse(Minimal, out var packet, out var error));
        Assert.Equal(RtpParseError.None, error);
        Assert.Equal(2, packet.Version);
        Assert.False(packet.HasPadding);
        Assert.False(packet.HasExtension);
        Assert.Equal(0, packet.CsrcCount);
        Assert.True(packet.Marker);
        Assert.Equal(0, packet.PayloadType);
        Assert.Equal(0x1234, packet.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, packet.Timestamp);
        Assert.Equal(0x01020304u, packet.Ssrc);
        Assert.Equal(12, packet.HeaderLength);
        Assert.Equal(new byte[] { 0xFF, 0x7F, 0x00 }, packet.Payload.ToArray());
        Assert.Equal(0, packet.PaddingLength);
        Assert.Equal(0, packet.ExtensionProfile);
        Assert.True(packet.ExtensionData.IsEmpty);
    }

    [Fact]
    public void TryParse_CsrcExtensionAndPadding_SlicesEachPart()
    {
        byte[] bytes =
        [
            0xB2, 0x65, 0x00, 0x01, 0x00, 0x00, 0x00, 0xA0, 0xCA, 0xFE, 0xBA, 0xBE, // V2 P X CC=2, PT 101
            0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x22, 0x22, // CSRCs
            0xBE, 0xDE, 0x00, 0x01, 0x10, 0xAA, 0x00, 0x00, // extension: profile 0xBEDE, 1 word
            0x05, 0x0A, 0x01, 0x40, // payload
            0x00, 0x00, 0x03, // padding, count 3
        ];

        Assert.True(RtpPacket.TryParse(bytes, out var packet, out _));
        Assert.True(packet.HasPadding);
        Assert.True(packet.HasExtension);
        Assert.False(packet.Marker);
        Assert.Equal(101, packet.PayloadType);
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(0x11111111u, packet.GetCsrc(0));
        Assert.Equal(0x22222222u, packet.GetCsrc(1));
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal(new byte[] { 0x10, 0xAA, 0x00, 0x00 }, packet.ExtensionData.ToArray());
        Assert.Equal(28, packet.HeaderLength);
        Assert.Equal(new byte[] { 0x05, 0x0A, 0x01, 0x40 }, packet.Payload.ToArray());
        Assert.Equal(3, packet.PaddingLength);
    }

    [Fact]
    public void GetCsrc_OutsideTheList_Throws()
    {
        Assert.True(RtpPacket.TryParse(Minimal, out var packet, out _));
        var threw = false;
        try
        {
            packet.GetCsrc(0);
        }
        catch (ArgumentOutOfRangeException)
        {
            threw = true;
        }

        Assert.True(threw);
    }

    public static TheoryData<string, RtpParseError> Malformed => new()
    {
        { "", RtpParseError.TooShort },
        { "80 00 00 01 00 00 00 00 00 00 00", RtpParseError.TooShort },
        { "40 00 00 01 00 00 00 00 00 00 00 01", RtpParseError.BadVersion },
        { "00 00 00 01 00 00 00 00 00 00 00 01", RtpParseError.BadVersion },
        { "C0 00 00 01 00 00 00 00 00 00 00 01", RtpParseError.BadVersion },
        { "81 00 00 01 00 00 00 00 00 00 00 01", RtpParseError.CsrcOverrun },
        { "8F 00 00 01 00 00 00 00 00 00 00 01 00 00 00 01", RtpParseError.CsrcOverrun },
        { "90 00 00 01 00 00 00 00 00 00 00 01 BE DE 00", RtpParseError.ExtensionOverrun },
        { "90 00 00 01 00 00 00 00 00 00 00 01 BE DE 00 01 00 00 00", RtpParseError.ExtensionOverrun },
        { "91 00 00 01 00 00 00 00 00 00 00 01 00 00 00 02 BE DE 00 01", RtpParseError.ExtensionOverrun },
        { "A0 00 00 01 00 00 00 00 00 00 00 01 FF 00", RtpParseError.PaddingZero },
        { "A0 00 00 01 00 00 00 00 00 00 00 01 FF 03", RtpParseError.PaddingTooLong },
        { "B0 00 00 01 00 00 00 00 00 00 00 01 BE DE 00 00 05", RtpParseError.PaddingTooLong },
        { "80 C8 00 06 00 00 00 00 00 00 00 01", RtpParseError.RtcpPacket },
        { "80 CC 00 06 00 00 00 00 00 00 00 01", RtpParseError.RtcpPacket },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryParse_Malformed_RejectsWithReason(string hex, RtpParseError expected)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        Assert.False(RtpPacket.TryParse(bytes, out var packet, out var error));
        Assert.Equal(expected, error);
        Assert.True(packet.Bytes.IsEmpty);
    }

    [Fact]
    public void TryParse_PaddingFillingAllAfterHeader_GivesEmptyPayload()
    {
        var bytes = Convert.FromHexString("A00000010000000000000001000003");
        Assert.True(RtpPacket.TryParse(bytes, out var packet, out _));
        Assert.Equal(0, packet.Payload.Length);
        Assert.Equal(3, packet.PaddingLength);
    }

    [Theory]
    [InlineData(0xC7)] // M + PT 71: not RTCP
    [InlineData(0xCD)] // M + PT 77
    [InlineData(0x48)] // PT 72 without marker: a legal (if unwise) dynamic type
    public void TryParse_PayloadTypesNextToRtcpRange_Accepted(byte secondOctet)
    {
        byte[] bytes = [0x80, secondOctet, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];
        Assert.True(RtpPacket.TryParse(bytes, out _, out var error));
        Assert.Equal(RtpParseError.None, error);
    }
}
