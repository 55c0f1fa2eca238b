using CsCheck;
using PciCloud.Media.Rtp;
using PciCloud.Media.TelephoneEvents;

namespace PciCloud.Media.Tests.Rtp;

/// <summary>
/// Property tests: any bytes at all either parse into a packet whose parts tile the datagram or
/// are rejected with a reason; nothing ever throws or reads past the span (that would throw).
/// </summary>
public sealed class RtpPropertyTests
{
    private static readonly Gen<byte[]> ValidPacket =
        Gen.Select(
            Gen.Select(Gen.Byte[0, 127], Gen.UShort, Gen.UInt, Gen.UInt, Gen.Bool),
            Gen.UInt.Array[0, 15],
            Gen.Bool,
            Gen.Byte.Array[0, 6].Select(words => new byte[words.Length * 4]),
            Gen.Byte.Array[0, 200],
            Gen.Int[0, 255],
            (fields, csrcs, hasExtension, extension, payload, padding) =>
            {
                var (type, sequence, timestamp, ssrc, marker) = fields;
                var header = new RtpHeader(type, sequence, timestamp, ssrc, marker && type is < 72 or > 76);
                var ext = hasExtension ? new RtpHeaderExtension(0xBEDE, extension) : RtpHeaderExtension.None;
                var buffer = new byte[RtpWriter.GetLength(csrcs.Length, ext, payload.Length, padding)];
                Assert.True(RtpWriter.TryWrite(header, csrcs, ext, payload, padding, buffer, out var written));
                Assert.Equal(buffer.Length, written);
                return buffer;
            });

    private static void ParseAndTouchEverything(ReadOnlySpan<byte> bytes)
    {
        if (!RtpPacket.TryParse(bytes, out var packet, out var error))
        {
            Assert.NotEqual(RtpParseError.None, error);
            return;
        }

        Assert.Equal(RtpParseError.None, error);
        Assert.Equal(2, packet.Version);
        Assert.Equal(bytes.Length, packet.HeaderLength + packet.Payload.Length + packet.PaddingLength);
        Assert.True(packet.PaddingLength == 0 || packet.HasPadding);
        for (var i = 0; i < packet.CsrcCount; i++)
        {
            _ = packet.GetCsrc(i);
        }

        _ = packet.ExtensionProfile + packet.ExtensionData.Length + packet.SequenceNumber + packet.Timestamp + packet.Ssrc;
        if (TelephoneEvent.TryParse(packet.Payload, out var ev, out _))
        {
            Assert.True(ev.Volume <= TelephoneEvent.MaxVolume);
        }
    }

    [Fact]
    public void TryParse_RandomBytes_NeverThrows() =>
        Gen.Byte.Array[0, 300].Sample(bytes => ParseAndTouchEverything(bytes), iter: 200_000);

    [Fact]
    public void TryParse_RandomBytesStartingLikeRtp_NeverThrows() =>
        Gen.Byte.Array[12, 120].Sample(bytes =>
        {
            bytes[0] = (byte)(0x80 | (bytes[0] & 0x3F));
            ParseAndTouchEverything(bytes);
        }, iter: 200_000);

    [Fact]
    public void TryParse_MutatedValidPackets_NeverThrows() =>
        Gen.Select(ValidPacket, Gen.Int[0, 1000], Gen.Byte, Gen.Int[0, 3]).Sample((packet, position, value, mode) =>
        {
            var at = position % packet.Length;
            var mutated = mode switch
            {
                0 => packet.AsSpan(0, at).ToArray(), // truncated
                1 => Set(packet, at, value), // one byte changed
                2 => Set(packet, 0, (byte)(packet[0] ^ (value & 0x3F))), // flags and CSRC count
                _ => Set(packet, packet.Length - 1, value), // padding count
            };
            ParseAndTouchEverything(mutated);
        }, iter: 100_000);

    [Fact]
    public void WriteThenParse_RoundTripsEveryField() =>
        Gen.Select(Gen.Select(Gen.Byte[0, 127], Gen.UShort, Gen.UInt, Gen.UInt, Gen.Bool), Gen.UInt.Array[0, 15], Gen.Byte.Array[0, 160], Gen.Int[0, 255])
            .Sample((fields, csrcs, payload, padding) =>
            {
                var (type, sequence, timestamp, ssrc, marker) = fields;
                var header = new RtpHeader(type, sequence, timestamp, ssrc, marker && type is < 72 or > 76);
                byte[] extension = [1, 2, 3, 4];
                var buffer = new byte[512];
                Assert.True(RtpWriter.TryWrite(header, csrcs, new RtpHeaderExtension(7, extension), payload, padding, buffer, out var written));
                Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out var packet, out _));
                Assert.Equal(header, new RtpHeader(packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Marker));
                Assert.Equal(csrcs.Length, packet.CsrcCount);
                for (var i = 0; i < csrcs.Length; i++)
                {
                    Assert.Equal(csrcs[i], packet.GetCsrc(i));
                }

                Assert.Equal(7, packet.ExtensionProfile);
                Assert.Equal(extension, packet.ExtensionData.ToArray());
                Assert.Equal(payload, packet.Payload.ToArray());
                Assert.Equal(padding, packet.PaddingLength);
            }, iter: 20_000);

    [Fact]
    public void SequenceTracker_RandomSequences_CountersStayConsistent() =>
        Gen.Select(Gen.UShort.Array[1, 400], Gen.Int[1, 3]).Sample((sequences, minSequential) =>
        {
            var tracker = new RtpSequenceTracker(minSequential: minSequential);
            foreach (var sequence in sequences)
            {
                tracker.Update(1, sequence, out _);
                Assert.True(tracker.Lost >= 0);
                Assert.True(tracker.Received >= 0);
            }
        }, iter: 5_000);

    private static byte[] Set(byte[] packet, int index, byte value)
    {
        var copy = (byte[])packet.Clone();
        copy[index] = value;
        return copy;
    }
}
