using PciCloud.Media.TelephoneEvents;

namespace PciCloud.Media.Tests.TelephoneEvents;

public sealed class TelephoneEventTests
{
    [Fact]
    public void TryParse_Rfc4733Example_ReadsFields()
    {
        // Event 5, E=1, R=1 (ignored), volume 10, duration 1280.
        byte[] payload = [0x05, 0xCA, 0x05, 0x00];
        Assert.True(TelephoneEvent.TryParse(payload, out var ev, out var error));
        Assert.Equal(TelephoneEventParseError.None, error);
        Assert.Equal(5, ev.EventCode);
        Assert.True(ev.IsEnd);
        Assert.Equal(10, ev.Volume);
        Assert.Equal(1280, ev.Duration);
    }

    [Theory]
    [InlineData(0, TelephoneEventParseError.TooShort)]
    [InlineData(3, TelephoneEventParseError.TooShort)]
    [InlineData(5, TelephoneEventParseError.BadLength)]
    [InlineData(7, TelephoneEventParseError.BadLength)]
    public void TryParse_WrongLength_Rejects(int length, TelephoneEventParseError expected)
    {
        Assert.False(TelephoneEvent.TryParse(new byte[length], out var ev, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, ev);
    }

    [Fact]
    public void TryParse_SeveralBlocks_ReadsTheFirst()
    {
        byte[] payload = [0x01, 0x80, 0x00, 0xA0, 0x02, 0x00, 0x00, 0x50];
        Assert.True(TelephoneEvent.TryParse(payload, out var ev, out _));
        Assert.Equal(new TelephoneEvent(1, true, 0, 160), ev);
    }

    [Fact]
    public void TryWrite_ThenParse_RoundTripsEveryCodeAndVolume()
    {
        Span<byte> buffer = stackalloc byte[4];
        for (var code = 0; code < 256; code += 5)
        {
            for (byte volume = 0; volume <= TelephoneEvent.MaxVolume; volume += 9)
            {
                var ev = new TelephoneEvent((byte)code, code % 2 == 0, volume, (ushort)(code * 257));
                Assert.True(ev.TryWrite(buffer));
                Assert.True(TelephoneEvent.TryParse(buffer, out var back, out _));
                Assert.Equal(ev, back);
                Assert.Equal(0, buffer[1] & 0x40); // R bit written as 0
            }
        }

        Assert.False(new TelephoneEvent(1, false, 0, 0).TryWrite(new byte[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelephoneEvent(1, false, 64, 0));
    }

    [Fact]
    public void ToString_NeverShowsTheEventCode()
    {
        var text = new TelephoneEvent(7, true, 10, 800).ToString();
        Assert.DoesNotContain("7", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DtmfEvents_MapsCodesToKeysBothWays()
    {
        for (byte code = 0; code <= DtmfEvents.MaxCode; code++)
        {
            Assert.True(DtmfEvents.TryGetKey(code, out var key));
            Assert.True(DtmfEvents.TryGetCode(key, out var back));
            Assert.Equal(code, back);
        }

        Assert.True(DtmfEvents.TryGetKey(10, out var star));
        Assert.Equal('*', star);
        Assert.True(DtmfEvents.TryGetKey(11, out var hash));
        Assert.Equal('#', hash);
        Assert.True(DtmfEvents.TryGetCode('d', out var d));
        Assert.Equal(15, d);
        Assert.False(DtmfEvents.TryGetKey(16, out _));
        Assert.False(DtmfEvents.TryGetCode('E', out _));
    }
}
