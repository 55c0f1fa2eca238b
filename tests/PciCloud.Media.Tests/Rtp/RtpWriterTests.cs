using PciCloud.Media.Rtp;

namespace PciCloud.Media.Tests.Rtp;

public sealed class RtpWriterTests
{
    [Fact]
    public void TryWrite_SimplePacket_MatchesHandEncodedBytes()
    {
        var buffer = new byte[64];
        var header = new RtpHeader(0, 0x1234, 0xDEADBEEF, 0x01020304, Marker: true);

        Assert.True(RtpWriter.TryWrite(header, [0xFF, 0x7F], buffer, out var written));

        Assert.Equal("80801234DEADBEEF01020304FF7F", Convert.ToHexString(buffer, 0, written));
    }

    [Fact]
    public void TryWrite_FullPacket_ParsesBackToTheSameFields()
    {
        var buffer = new byte[128];
        var header = new RtpHeader(101, 65535, 4_000_000_000, 0xCAFEBABE);
        uint[] csrcs = [7, 8, 9];
        byte[] extension = [1, 2, 3, 4, 5, 6, 7, 8];
        byte[] payload = [9, 10, 11];

        Assert.True(RtpWriter.TryWrite(
            header, csrcs, new RtpHeaderExtension(0xBEDE, extension), payload, 5, buffer, out var written));

        Assert.Equal(RtpWriter.GetLength(3, new RtpHeaderExtension(0xBEDE, extension), 3, 5), written);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out var packet, out _));
        Assert.Equal(101, packet.PayloadType);
        Assert.Equal(65535, packet.SequenceNumber);
        Assert.Equal(4_000_000_000u, packet.Timestamp);
        Assert.Equal(0xCAFEBABEu, packet.Ssrc);
        Assert.False(packet.Marker);
        Assert.Equal(3, packet.CsrcCount);
        Assert.Equal(9u, packet.GetCsrc(2));
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal(extension, packet.ExtensionData.ToArray());
        Assert.Equal(payload, packet.Payload.ToArray());
        Assert.Equal(5, packet.PaddingLength);
    }

    [Fact]
    public void TryWrite_DestinationTooShort_ReturnsFalseAndWritesNothing()
    {
        var buffer = new byte[13];
        Assert.False(RtpWriter.TryWrite(new RtpHeader(0, 1, 2, 3), [1, 2], buffer, out var written));
        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryWrite_InvalidArguments_Throw()
    {
        var buffer = new byte[256];
        Assert.Throws<ArgumentException>(() => RtpWriter.TryWrite(new RtpHeader(128, 1, 2, 3), [], buffer, out _));
        Assert.Throws<ArgumentException>(() => RtpWriter.TryWrite(new RtpHeader(72, 1, 2, 3, true), [], buffer, out _));
        Assert.Throws<ArgumentException>(() => RtpWriter.TryWrite(
            new RtpHeader(0, 1, 2, 3), new uint[16], RtpHeaderExtension.None, [], 0, buffer, out _));
        Assert.Throws<ArgumentException>(() => RtpWriter.TryWrite(
            new RtpHeader(0, 1, 2, 3), [], new RtpHeaderExtension(1, [1, 2, 3]), [], 0, buffer, out _));
        Assert.Throws<ArgumentException>(() => RtpWriter.TryWrite(
            new RtpHeader(0, 1, 2, 3), [], RtpHeaderExtension.None, [], 256, buffer, out _));
    }

    [Fact]
    public void Setters_PatchHeaderInPlace_LeavingTheRestAlone()
    {
        var buffer = new byte[32];
        Assert.True(RtpWriter.TryWrite(new RtpHeader(8, 1, 2, 3, true), [0xAA, 0xBB], buffer, out var written));
        var packetBytes = buffer.AsSpan(0, written);

        RtpWriter.SetSequenceNumber(packetBytes, 0xFFFE);
        RtpWriter.SetTimestamp(packetBytes, 0x01020304);
        RtpWriter.SetSsrc(packetBytes, 0x0A0B0C0D);
        RtpWriter.SetMarker(packetBytes, false);
        RtpWriter.SetPayloadType(packetBytes, 0);

        Assert.True(RtpPacket.TryParse(packetBytes, out var packet, out _));
        Assert.Equal(0xFFFE, packet.SequenceNumber);
        Assert.Equal(0x01020304u, packet.Timestamp);
        Assert.Equal(0x0A0B0C0Du, packet.Ssrc);
        Assert.False(packet.Marker);
        Assert.Equal(0, packet.PayloadType);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, packet.Payload.ToArray());
        Assert.Throws<ArgumentException>(() => RtpWriter.SetSequenceNumber(new byte[11], 1));
        Assert.Throws<ArgumentException>(() => RtpWriter.SetPayloadType(new byte[12], 200));
    }

    [Fact]
    public void TryWriteHeader_PayloadWrittenInPlaceAfterIt_ParsesBackToTheSameFields()
    {
        var buffer = new byte[RtpPacket.FixedHeaderLength + 160];
        var header = new RtpHeader(8, 0xFFFF, 0x89ABCDEF, 0x01020304, Marker: true);

        Assert.True(RtpWriter.TryWriteHeader(header, buffer, out var written));
        buffer.AsSpan(written).Fill(0xD5);

        Assert.Equal(RtpPacket.FixedHeaderLength, written);
        Assert.True(RtpPacket.TryParse(buffer, out var packet, out _));
        Assert.Equal(header, new RtpHeader(packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Marker));
        Assert.Equal(0, packet.CsrcCount);
        Assert.False(packet.HasExtension);
        Assert.Equal(0, packet.PaddingLength);
        Assert.Equal(160, packet.Payload.Length);
        Assert.All(packet.Payload.ToArray(), b => Assert.Equal(0xD5, b));
    }

    [Fact]
    public void TryWriteHeader_ThenPayloadAndPadding_IsByteForByteWhatTryWriteWrites()
    {
        var header = new RtpHeader(101, 7, 8000, 0xCAFEBABE);
        uint[] csrcs = [7, 8];
        var extension = new RtpHeaderExtension(0xBEDE, [1, 2, 3, 4]);
        byte[] payload = [9, 10, 11, 12];
        var whole = new byte[64];
        var inPlace = new byte[64];
        Assert.True(RtpWriter.TryWrite(header, csrcs, extension, payload, 3, whole, out var wholeLength));

        Assert.True(RtpWriter.TryWriteHeader(header, csrcs, extension, padded: true, inPlace, out var headerLength));
        payload.CopyTo(inPlace.AsSpan(headerLength));
        inPlace[headerLength + payload.Length + 2] = 3;

        Assert.Equal(RtpWriter.GetLength(2, extension, 0, 0), headerLength);
        Assert.Equal(Convert.ToHexString(whole, 0, wholeLength), Convert.ToHexString(inPlace, 0, headerLength + payload.Length + 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void TryWriteHeader_DestinationTooShort_ReturnsFalseAndWritesNothing(int length)
    {
        var buffer = new byte[length];

        Assert.False(RtpWriter.TryWriteHeader(new RtpHeader(0, 1, 2, 3), buffer, out var written));

        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryWriteHeader_CsrcsAndExtensionThatDoNotFit_ReturnsFalseAndWritesNothing()
    {
        var buffer = new byte[RtpPacket.FixedHeaderLength + 4 + 4 + 3];

        Assert.False(RtpWriter.TryWriteHeader(new RtpHeader(0, 1, 2, 3), [5], new RtpHeaderExtension(1, [1, 2, 3, 4]), false, buffer, out var written));

        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryWriteHeader_InvalidArguments_Throw()
    {
        var buffer = new byte[256];
        Assert.Throws<ArgumentException>(() => RtpWriter.TryWriteHeader(new RtpHeader(128, 1, 2, 3), buffer, out _));
        Assert.Throws<ArgumentException>(() => RtpWriter.TryWriteHeader(new RtpHeader(72, 1, 2, 3, true), buffer, out _));
        Assert.Throws<ArgumentException>(() => RtpWriter.TryWriteHeader(new RtpHeader(0, 1, 2, 3), new uint[16], RtpHeaderExtension.None, false, buffer, out _));
        Assert.Throws<ArgumentException>(() => RtpWriter.TryWriteHeader(new RtpHeader(0, 1, 2, 3), [], new RtpHeaderExtension(1, [1, 2, 3]), false, buffer, out _));
    }
}
