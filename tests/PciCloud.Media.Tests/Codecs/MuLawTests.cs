using PciCloud.Media.Codecs;

namespace PciCloud.Media.Tests.Codecs;

public sealed class MuLawTests
{
    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0x7F, 0)]
    [InlineData(0xFF, 0)]
    [InlineData(0xFE, 8)]
    [InlineData(0x7E, -8)]
    [InlineData(0xF0, 120)] // last step of segment 0
    [InlineData(0xEF, 132)] // first step of segment 1
    [InlineData(0x9F, 8316)]
    [InlineData(0x8F, 16764)] // first step of segment 7
    public void Decode_PublishedTableValues(int code, int expected) =>
        Assert.Equal(expected, MuLaw.Decode((byte)code));

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(3, 0xFF)]
    [InlineData(4, 0xFE)]
    [InlineData(-1, 0x7F)] // G.191: -1 is -0, not -8 (Sun's g711.c gives 0x7E here)
    [InlineData(-4, 0x7F)]
    [InlineData(-5, 0x7E)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    public void Encode_DecisionPoints(int sample, int expected) =>
        Assert.Equal(expected, MuLaw.Encode((short)sample));

    [Fact]
    public void RoundTrip_EveryCode_IsStable()
    {
        for (var code = 0; code < 256; code++)
        {
            var value = MuLaw.Decode((byte)code);
            Assert.Equal(value, MuLaw.Decode(MuLaw.Encode(value)));
            Assert.Equal(code == 0x7F ? 0xFF : code, MuLaw.Encode(value)); // -0 encodes as +0
        }
    }

    [Fact]
    public void RoundTrip_EverySample_ErrorWithinHalfTheOutputStep()
    {
        // Each reconstruction level is the middle of its own decision interval (G.711 table 2a),
        // so the error is at most half the step of the segment the code lands in.
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var code = MuLaw.Encode((short)x);
            var step = 8 << ((~code >> 4) & 7);
            var back = MuLaw.Decode(code);
            Assert.True(Math.Abs(Math.Clamp(x, -32124, 32124) - back) <= step / 2, $"{x} -> {back}");
        }
    }
}
