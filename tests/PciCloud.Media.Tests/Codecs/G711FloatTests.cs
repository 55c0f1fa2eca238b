using PciCloud.Media.Codecs;

namespace PciCloud.Media.Tests.Codecs;

/// <summary>The vector decode to floats the analyzer reads must equal the G.191 expansion for every code.</summary>
public sealed class G711FloatTests
{
    [Theory]
    [InlineData(G711Law.ALaw)]
    [InlineData(G711Law.MuLaw)]
    public void Decode_All256Codes_EqualG191_InEveryVectorLaneAndTheTail(G711Law law)
    {
        // 256 codes twice, shifted by 7 so each code lands in different lanes; 519 = 16 steps of 32 plus a tail of 7.
        var codes = new byte[519];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = (byte)(i + 7);
        }

        var samples = new float[codes.Length];
        G711Float.Decode(codes, law, samples);
        for (var i = 0; i < codes.Length; i++)
        {
            var expected = law == G711Law.ALaw ? G191Reference.ALawExpand(codes[i]) : G191Reference.MuLawExpand(codes[i]);
            Assert.Equal(expected, samples[i]);
        }
    }

    [Fact]
    public void Widen_EveryPcmValue_IsExact()
    {
        var pcm = new short[65536 + 9];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)(i + short.MinValue);
        }

        var samples = new float[pcm.Length];
        G711Float.Widen(pcm, samples);
        for (var i = 0; i < pcm.Length; i++)
        {
            Assert.Equal(pcm[i], samples[i]);
        }
    }

    [Fact]
    public void ShortDestination_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => G711Float.Decode(new byte[40], G711Law.MuLaw, new float[39]));
        Assert.Throws<ArgumentException>(() => G711Float.Widen(new short[40], new float[39]));
    }
}
