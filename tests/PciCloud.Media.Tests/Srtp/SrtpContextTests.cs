using PciCloud.Media.Srtp;

namespace PciCloud.Media.Tests.Srtp;

public sealed class SrtpContextTests
{
    [Theory]
    [InlineData(SrtpSuite.AesCm128HmacSha1_80, 10)]
    [InlineData(SrtpSuite.AesCm128HmacSha1_32, 4)]
    public void TryProtect_ThenTryUnprotect_RestoresThePacketAndAddsTheSuitesTag(SrtpSuite suite, int tagLength)
    {
        using var sender = SrtpPackets.Context(suite);
        using var receiver = SrtpPackets.Context(suite);
        for (ushort sequence = 100; sequence < 110; sequence++)
        {
            var packet = SrtpPackets.Pcmu(sequence);

            var protectedPacket = SrtpPackets.Protect(sender, packet);

            Assert.Equal(packet.Length + tagLength, protectedPacket.Length);
            Assert.Equal(packet[..12], protectedPacket[..12]);
            Assert.NotEqual(packet[12..], protectedPacket[12..packet.Length]);
            Assert.Equal(packet, SrtpPackets.Unprotect(receiver, protectedPacket, out var error));
            Assert.Equal(SrtpError.None, error);
        }
    }

    [Fact]
    public void TryProtect_CsrcsAndExtension_LeavesTheWholeHeaderClearAndAuthenticatesIt()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        var packet = SrtpPackets.WithCsrcsAndExtension(7);
        const int headerLength = 12 + 8 + 8;

        var protectedPacket = SrtpPackets.Protect(sender, packet);
        var tampered = (byte[])protectedPacket.Clone();
        tampered[headerLength - 2] ^= 0x01; // inside the extension

        Assert.Equal(packet[..headerLength], protectedPacket[..headerLength]);
        Assert.Null(SrtpPackets.Unprotect(receiver, tampered, out var error));
        Assert.Equal(SrtpError.AuthenticationFailed, error);
        Assert.Equal(packet, SrtpPackets.Unprotect(receiver, protectedPacket, out _));
    }

    [Theory]
    [InlineData(1)] // header: marker/payload type
    [InlineData(3)] // header: sequence number
    [InlineData(50)] // payload
    [InlineData(-1)] // the tag itself
    public void TryUnprotect_AnyBitFlipped_FailsAuthenticationAndLeavesPacketAndStateAlone(int offset)
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_32);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_32);
        var protectedPacket = SrtpPackets.Protect(sender, SrtpPackets.Pcmu(500));
        var tampered = (byte[])protectedPacket.Clone();
        tampered[offset < 0 ? tampered.Length + offset : offset] ^= 0x40;
        var received = (byte[])tampered.Clone();

        Assert.False(receiver.TryUnprotect(received, out _, out var error));

        Assert.Equal(SrtpError.AuthenticationFailed, error);
        Assert.Equal(tampered, received);
        Assert.NotNull(SrtpPackets.Unprotect(receiver, protectedPacket, out _)); // the genuine packet still passes
    }

    [Fact]
    public void TryUnprotect_WrongKey_FailsAuthentication()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        using var stranger = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80, new byte[30]);

        Assert.Null(SrtpPackets.Unprotect(stranger, SrtpPackets.Protect(sender, SrtpPackets.Pcmu(1)), out var error));
        Assert.Equal(SrtpError.AuthenticationFailed, error);
    }

    [Fact]
    public void TryUnprotect_SamePacketTwice_RejectsTheReplay()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        var first = SrtpPackets.Protect(sender, SrtpPackets.Pcmu(10));
        var second = SrtpPackets.Protect(sender, SrtpPackets.Pcmu(11));

        Assert.NotNull(SrtpPackets.Unprotect(receiver, first, out _));
        Assert.NotNull(SrtpPackets.Unprotect(receiver, second, out _));
        Assert.Null(SrtpPackets.Unprotect(receiver, first, out var error));
        Assert.Equal(SrtpError.Replayed, error);
        Assert.Null(SrtpPackets.Unprotect(receiver, second, out error));
        Assert.Equal(SrtpError.Replayed, error);
    }

    [Fact]
    public void TryUnprotect_OutOfOrderInsideTheWindow_AcceptsEachOnceAndRefusesOlderThanTheWindow()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        var packets = Enumerable.Range(1000, 200).Select(s => SrtpPackets.Protect(sender, SrtpPackets.Pcmu((ushort)s))).ToArray();

        Assert.NotNull(SrtpPackets.Unprotect(receiver, packets[0], out _));
        Assert.NotNull(SrtpPackets.Unprotect(receiver, packets[150], out _));
        Assert.NotNull(SrtpPackets.Unprotect(receiver, packets[149], out _)); // one behind
        Assert.NotNull(SrtpPackets.Unprotect(receiver, packets[150 - 127], out _)); // the window's far edge
        Assert.Null(SrtpPackets.Unprotect(receiver, packets[149], out var error));
        Assert.Equal(SrtpError.Replayed, error);
        Assert.Null(SrtpPackets.Unprotect(receiver, packets[150 - 128], out error)); // just outside
        Assert.Equal(SrtpError.TooOld, error);
        Assert.NotNull(SrtpPackets.Unprotect(receiver, packets[199], out _)); // a jump ahead
        Assert.NotNull(SrtpPackets.Unprotect(receiver, packets[100], out _));
    }

    [Fact]
    public void TryProtectAndUnprotect_AcrossTheSequenceWrap_CarryTheRolloverCounter()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        var sequences = Enumerable.Range(65500, 100).Select(s => (ushort)s).ToArray(); // 65500..65535, 0..63
        var sent = sequences.Select(s => SrtpPackets.Protect(sender, SrtpPackets.Pcmu(s))).ToArray();

        // Delivered with the packets on both sides of the wrap swapped: 65535 arrives after 0 and 1.
        int[] order = [.. Enumerable.Range(0, 35), 36, 37, 35, .. Enumerable.Range(38, 62)];
        foreach (var i in order)
        {
            Assert.Equal(SrtpPackets.Pcmu(sequences[i]), SrtpPackets.Unprotect(receiver, sent[i], out var error));
            Assert.Equal(SrtpError.None, error);
        }
    }

    [Fact]
    public void TryUnprotect_AfterTheWrap_AuthenticatesOnlyUnderTheNewRolloverCounter()
    {
        // Two senders that agree on everything but the ROC: one has seen the wrap (ROC 1), one has not.
        using var wrapped = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        Assert.NotNull(SrtpPackets.Unprotect(receiver, SrtpPackets.Protect(wrapped, SrtpPackets.Pcmu(65535)), out _));
        Assert.NotNull(SrtpPackets.Unprotect(receiver, SrtpPackets.Protect(wrapped, SrtpPackets.Pcmu(0)), out _));
        using var unwrapped = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);

        var underRocZero = SrtpPackets.Protect(unwrapped, SrtpPackets.Pcmu(1));
        var underRocOne = SrtpPackets.Protect(wrapped, SrtpPackets.Pcmu(1));

        Assert.NotEqual(underRocZero[12..^10], underRocOne[12..^10]); // the ROC is part of the IV
        Assert.Null(SrtpPackets.Unprotect(receiver, underRocZero, out var error));
        Assert.Equal(SrtpError.AuthenticationFailed, error);
        Assert.Equal(SrtpPackets.Pcmu(1), SrtpPackets.Unprotect(receiver, underRocOne, out _));
    }

    [Fact]
    public void TryProtect_SameIndexTwice_RefusesToReuseTheKeystream()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        SrtpPackets.Protect(sender, SrtpPackets.Pcmu(5));
        var again = SrtpPackets.Pcmu(5);
        var buffer = new byte[again.Length + 10];
        again.CopyTo(buffer, 0);

        Assert.False(sender.TryProtect(buffer, again.Length, out _, out var error));
        Assert.Equal(SrtpError.Replayed, error);
        Assert.Equal(again, buffer[..again.Length]);
    }

    [Fact]
    public void TryProtect_NoRoomForTheTag_RefusesWithoutTouchingThePacket()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        var packet = SrtpPackets.Pcmu(5);
        var buffer = new byte[packet.Length + 9];
        packet.CopyTo(buffer, 0);

        Assert.False(sender.TryProtect(buffer, packet.Length, out _, out var error));
        Assert.Equal(SrtpError.BufferTooSmall, error);
        Assert.Equal(packet, buffer[..packet.Length]);
    }

    [Fact]
    public void TryUnprotect_ANewSourceBeyondTheLimit_IsRefusedAndForgedSourcesTakeNoSlot()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        for (uint forged = 0; forged < 20; forged++)
        {
            using var forger = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80, new byte[30]);
            Assert.Null(SrtpPackets.Unprotect(receiver, SrtpPackets.Protect(forger, SrtpPackets.Pcmu(1, 0xF000 + forged)), out _));
        }

        for (uint ssrc = 1; ssrc <= SrtpContext.MaxSources; ssrc++)
        {
            Assert.NotNull(SrtpPackets.Unprotect(receiver, SrtpPackets.Protect(sender, SrtpPackets.Pcmu(1, ssrc)), out _));
        }

        using var ninthSource = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        Assert.Null(SrtpPackets.Unprotect(receiver, SrtpPackets.Protect(ninthSource, SrtpPackets.Pcmu(1, 99)), out var error));
        Assert.Equal(SrtpError.TooManySources, error);
    }

    [Fact]
    public void TryUnprotect_AfterTheKeyLifetime_RefusesEveryPacket()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80, lifetime: 2);

        Assert.NotNull(SrtpPackets.Unprotect(receiver, SrtpPackets.Protect(sender, SrtpPackets.Pcmu(1)), out _));
        Assert.NotNull(SrtpPackets.Unprotect(receiver, SrtpPackets.Protect(sender, SrtpPackets.Pcmu(2)), out _));
        Assert.Null(SrtpPackets.Unprotect(receiver, SrtpPackets.Protect(sender, SrtpPackets.Pcmu(3)), out var error));
        Assert.Equal(SrtpError.KeyExpired, error);
    }

    [Fact]
    public void TryUnprotect_RandomDatagrams_AreAllRefusedWithoutThrowingAndTakeNoSource()
    {
        using var sender = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_32);
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_32);
        var random = new Random(13);
        for (var i = 0; i < 20_000; i++)
        {
            var datagram = new byte[random.Next(0, 300)];
            random.NextBytes(datagram);
            if (datagram.Length > 0 && i % 2 == 0)
            {
                datagram[0] = (byte)(0x80 | (datagram[0] & 0x3F)); // version 2: gets as far as the tag
            }

            Assert.False(receiver.TryUnprotect(datagram, out _, out var error));
            Assert.NotEqual(SrtpError.None, error);
        }

        // All eight source slots are still free for genuine streams.
        for (uint ssrc = 1; ssrc <= SrtpContext.MaxSources; ssrc++)
        {
            Assert.NotNull(SrtpPackets.Unprotect(receiver, SrtpPackets.Protect(sender, SrtpPackets.Pcmu(1, ssrc)), out _));
        }
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xAA })] // shorter than header + tag
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })] // version 1
    [InlineData(new byte[] { 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })] // 15 CSRCs
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0xFF, 0xFF, 5, 6, 7, 8, 9, 10, 11 })] // extension overrun
    public void TryUnprotect_MalformedPacket_IsRefusedWithoutThrowing(byte[] packet)
    {
        using var receiver = SrtpPackets.Context(SrtpSuite.AesCm128HmacSha1_80);

        Assert.False(receiver.TryUnprotect(packet, out var length, out var error));
        Assert.NotEqual(SrtpError.None, error);
        Assert.Equal(0, length);
    }
}
