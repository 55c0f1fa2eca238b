using PciCloud.Media.Codecs;

namespace PciCloud.Media.Tests.Codecs;

public sealed class ALawTests
{
    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xDA, 248)] // last step of segment 0
    [InlineData(0xC5, 264)] // first step of segment 1
    [InlineData(0xA5, 16896)] // first step of segment 7
    public void Decode_PublishedTableValues(int code, int expected) =>
        Assert.Equal(expected, ALaw.Decode((byte)code));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(15, 0xD5)]
    [InlineData(16, 0xD4)]
    [InlineData(-1, 0x55)]
    [InlineData(-16, 0x55)]
    [InlineData(-17, 0x54)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void Encode_DecisionPoints(int sample, int expected) =>
        Assert.Equal(expected, ALaw.Encode((short)sample));

    [Fact]
    public void RoundTrip_EveryCode_IsExact()
    {
        for (var code = 0; code < 256; code++)
        {
            var value = ALaw.Decode((byte)code);
            Assert.Equal(code, ALaw.Encode(value));
            Assert.Equal(value, ALaw.Decode(ALaw.Encode(value)));
        }
    }
}
