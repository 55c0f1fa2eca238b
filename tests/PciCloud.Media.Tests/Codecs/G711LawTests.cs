using PciCloud.Media.Codecs;

namespace PciCloud.Media.Tests.Codecs;

/// <summary>What both G.711 laws must do alike; each law's own table values are in ALawTests and MuLawTests.</summary>
public sealed class G711LawTests
{
    [Theory]
    [InlineData(G711Law.ALaw)]
    [InlineData(G711Law.MuLaw)]
    public void Encode_All65536Values_MatchesG191(G711Law law)
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            Assert.Equal(ReferenceCompress(law, (short)x), Encode(law, (short)x));
        }
    }

    [Theory]
    [InlineData(G711Law.ALaw)]
    [InlineData(G711Law.MuLaw)]
    public void Decode_All256Codes_MatchesG191(G711Law law)
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(ReferenceExpand(law, (byte)code), Decode(law, (byte)code));
        }
    }

    [Theory]
    [InlineData(G711Law.ALaw)]
    [InlineData(G711Law.MuLaw)]
    public void Encode_IsSymmetricInOnesComplement(G711Law law)
    {
        for (var x = 0; x <= short.MaxValue; x++)
        {
            Assert.Equal(Encode(law, (short)x) ^ 0x80, Encode(law, (short)~x));
        }
    }

    [Theory]
    [InlineData(G711Law.ALaw)]
    [InlineData(G711Law.MuLaw)]
    public void BatchApis_EqualScalar(G711Law law)
    {
        var random = new Random(711);
        var samples = new short[4000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        var codes = new byte[samples.Length];
        Encode(law, samples, codes);
        var decoded = new short[codes.Length];
        Decode(law, codes, decoded);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(Encode(law, samples[i]), codes[i]);
            Assert.Equal(Decode(law, codes[i]), decoded[i]);
        }

        Assert.Throws<ArgumentException>(() => Encode(law, samples, new byte[3999]));
        Assert.Throws<ArgumentException>(() => Decode(law, codes, new short[3999]));
    }

    private static byte Encode(G711Law law, short sample) => law == G711Law.ALaw ? ALaw.Encode(sample) : MuLaw.Encode(sample);

    private static short Decode(G711Law law, byte code) => law == G711Law.ALaw ? ALaw.Decode(code) : MuLaw.Decode(code);

    private static byte ReferenceCompress(G711Law law, short sample) =>
        law == G711Law.ALaw ? G191Reference.ALawCompress(sample) : G191Reference.MuLawCompress(sample);

    private static short ReferenceExpand(G711Law law, byte code) =>
        law == G711Law.ALaw ? G191Reference.ALawExpand(code) : G191Reference.MuLawExpand(code);

    private static void Encode(G711Law law, ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (law == G711Law.ALaw)
        {
            ALaw.Encode(samples, codes);
        }
        else
        {
            MuLaw.Encode(samples, codes);
        }
    }

    private static void Decode(G711Law law, ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (law == G711Law.ALaw)
        {
            ALaw.Decode(codes, samples);
        }
        else
        {
            MuLaw.Decode(codes, samples);
        }
    }
}
