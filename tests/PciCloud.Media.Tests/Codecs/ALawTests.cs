using PciCloud.Media.Codecs;

namespace PciCloud.Media.Tests.Codecs;

public sealed class ALawTests
{
    [Fact]
    public void Encode_All65536Values_MatchesG191()
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            Assert.Equal(G191Reference.ALawCompress((short)x), ALaw.Encode((short)x));
        }
    }

    [Fact]
    public void Decode_All256Codes_MatchesG191()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(G191Reference.ALawExpand((byte)code), ALaw.Decode((byte)code));
        }
    }

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
    public void Encode_IsSymmetricInOnesComplement()
    {
        for (var x = 0; x <= short.MaxValue; x++)
        {
            Assert.Equal(ALaw.Encode((short)x) ^ 0x80, ALaw.Encode((short)~x));
        }
    }

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

    [Fact]
    public void BatchApis_EqualScalar()
    {
        var random = new Random(711);
        var samples = new short[4000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        var codes = new byte[samples.Length];
        ALaw.Encode(samples, codes);
        var decoded = new short[codes.Length];
        ALaw.Decode(codes, decoded);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(ALaw.Encode(samples[i]), codes[i]);
            Assert.Equal(ALaw.Decode(codes[i]), decoded[i]);
        }

        Assert.Throws<ArgumentException>(() => ALaw.Encode(samples, new byte[3999]));
        Assert.Throws<ArgumentException>(() => ALaw.Decode(codes, new short[3999]));
    }
}
