using PciCloud.Media.Srtp;

namespace PciCloud.Media.Tests.Srtp;

public sealed class SdesCryptoTests
{
    // RFC 4568 section 9.2's example key (40 base64 characters: 30 bytes of key and salt).
    private const string Inline = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";

    [Fact]
    public void TryParse_Rfc4568Example_ReadsTagSuiteKeyAndLifetime()
    {
        Assert.True(SdesCrypto.TryParse($"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{Inline}|2^20", out var crypto, out var error), error);

        Assert.Equal(1, crypto!.Tag);
        Assert.Equal(SrtpSuite.AesCm128HmacSha1_80, crypto.Key.Suite);
        Assert.Equal(1L << 20, crypto.Key.Lifetime);
        var bytes = new byte[30];
        crypto.Key.CopyKeyAndSalt(bytes);
        Assert.Equal(Convert.FromBase64String(Inline), bytes);
    }

    [Theory]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline)]
    [InlineData("7 AES_CM_128_HMAC_SHA1_32 inline:" + Inline + "|2^31")]
    [InlineData("123456789 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "|1000")]
    public void FormatWithKey_AfterTryParse_GivesTheSameAttribute(string attribute)
    {
        Assert.True(SdesCrypto.TryParse(attribute, out var crypto, out _));

        Assert.Equal(attribute, crypto!.FormatWithKey());
    }

    [Fact]
    public void TryParseKey_TaglessRegistrationForm_ReadsTheKey()
    {
        Assert.True(SdesCrypto.TryParseKey($"AES_CM_128_HMAC_SHA1_32 inline:{Inline}", out var key, out var error), error);

        Assert.Equal(SrtpSuite.AesCm128HmacSha1_32, key!.Suite);
        Assert.Equal(SrtpMasterKey.MaxLifetime, key.Lifetime);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("AES_CM_128_HMAC_SHA1_80 inline:" + Inline, "tag")] // tag missing
    [InlineData("1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + Inline, "tag")] // 10 digits
    [InlineData("-1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline, "tag")]
    [InlineData("1", "tag")]
    [InlineData("1 AES_256_CM_HMAC_SHA1_80 inline:" + Inline, "unsupported crypto suite")]
    [InlineData("1 F8_128_HMAC_SHA1_80 inline:" + Inline, "unsupported crypto suite")]
    [InlineData("1 aes_cm_128_hmac_sha1_80 inline:" + Inline, "unsupported crypto suite")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80", "key parameters are missing")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 uri:http://example.com/key", "inline")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "|2^20|1:4", "MKI")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "|1:4", "MKI")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + ";inline:" + Inline, "only one key")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + " UNENCRYPTED_SRTP", "session parameters")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + " KDR=1", "session parameters")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "\tKDR=1", "session parameters")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubG==", "40 base64")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVzWVNf", "40 base64")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVu", "40 base64")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVu\u00e9\u00e9\u00e9\u00e9", "40 base64")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVu-_-_", "40 base64")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "|2^49", "lifetime")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "|0", "lifetime")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "|999999999999999999999", "lifetime")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "|", "lifetime")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "|2^", "lifetime")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:" + Inline + "|abc", "lifetime")]
    public void TryParse_HostileOrUnsupported_RefusesWithAClearMessageThatNeverQuotesTheKey(string? attribute, string reason)
    {
        Assert.False(SdesCrypto.TryParse(attribute, out var crypto, out var error));

        Assert.Null(crypto);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain(Inline[..12], error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LongerThanTheLimit_IsRefusedBeforeReading()
    {
        var huge = "1 AES_CM_128_HMAC_SHA1_80 inline:" + new string('A', 100_000);

        Assert.False(SdesCrypto.TryParse(huge, out _, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        Assert.True(SdesCrypto.TryParse($"1 AES_CM_128_HMAC_SHA1_80 inline:{Inline}", out var crypto, out _));

        Assert.DoesNotContain(Inline[..12], crypto!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Inline[..12], crypto.Key.ToString(), StringComparison.Ordinal);
        Assert.Contains("AES_CM_128_HMAC_SHA1_80", crypto.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TwoKeys_AreRandomAndRoundTripThroughSdes()
    {
        using var first = SrtpMasterKey.Generate(SrtpSuite.AesCm128HmacSha1_80);
        using var second = SrtpMasterKey.Generate(SrtpSuite.AesCm128HmacSha1_80);
        var line = new SdesCrypto(1, first).FormatWithKey();

        Assert.NotEqual(line, new SdesCrypto(1, second).FormatWithKey());
        Assert.True(SdesCrypto.TryParse(line, out var parsed, out _));
        Assert.Equal(line, parsed!.FormatWithKey());
    }
}
