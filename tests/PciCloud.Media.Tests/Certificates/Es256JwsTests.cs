using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using PciCloud.Media.Certificates;

namespace PciCloud.Media.Tests.Certificates;

public sealed class Es256JwsTests : IDisposable
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"callId":"call_1","leaks":0}""");
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    [Fact]
    public void Verify_SignedByTheNamedKey_IsValidAndReturnsThePayload()
    {
        var kid = EcJsonWebKey.Thumbprint(_key);
        var jws = Es256Jws.Sign(Payload, kid, _key);

        var result = Es256Jws.Verify(jws, k => k == kid ? _key : null);

        Assert.True(result.Valid, result.Error);
        Assert.Equal(kid, result.KeyId);
        Assert.Equal(Payload, result.Payload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Verify_OneCharacterChangedInAnyPart_Fails(int part)
    {
        var kid = EcJsonWebKey.Thumbprint(_key);
        var parts = Es256Jws.Sign(Payload, kid, _key).Split('.');
        // Change one byte of the decoded part, then re-encode: still well-formed base64url, different content.
        var bytes = Base64Url.DecodeFromChars(parts[part]);
        bytes[bytes.Length / 2] ^= 0x01;
        parts[part] = Base64Url.EncodeToString(bytes);

        var result = Es256Jws.Verify(string.Join('.', parts), _ => _key);

        Assert.False(result.Valid);
        Assert.Null(result.Payload);
    }

    [Fact]
    public void Verify_KeyIdOfAnotherKey_Fails()
    {
        var jws = Es256Jws.Sign(Payload, "kid-1", _key);

        var result = Es256Jws.Verify(jws, _ => _otherKey);

        Assert.False(result.Valid);
    }

    [Theory]
    [InlineData("""{"alg":"none","kid":"k"}""")]
    [InlineData("""{"alg":"HS256","kid":"k"}""")]
    [InlineData("""{"alg":"ES256"}""")]
    [InlineData("""not json""")]
    public void Verify_HeaderThatIsNotEs256WithAKeyId_Fails(string header)
    {
        var signature = Es256Jws.Sign(Payload, "k", _key).Split('.')[2];
        var jws = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Payload) + "." + signature;

        var result = Es256Jws.Verify(jws, _ => _key);

        Assert.False(result.Valid);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!.??.**")]
    public void Verify_Garbage_FailsWithoutThrowing(string jws)
    {
        Assert.False(Es256Jws.Verify(jws, _ => _key).Valid);
    }

    [Fact]
    public void Jwk_RoundTripsThroughAJwkSet_AndItsThumbprintIsItsKeyId()
    {
        var kid = EcJsonWebKey.Thumbprint(_key);
        var set = $$"""{"keys":[{{EcJsonWebKey.ToJwk(_key, kid).ToJsonString()}},{"kty":"RSA","kid":"skip","n":"AQAB","e":"AQAB"}]}""";

        var keys = EcJsonWebKey.ParseSet(set);

        var key = Assert.Single(keys);
        Assert.Equal(kid, key.Key);
        Assert.Equal(kid, EcJsonWebKey.Thumbprint(key.Value));
        Assert.True(Es256Jws.Verify(Es256Jws.Sign(Payload, kid, _key), k => keys.GetValueOrDefault(k)).Valid);
        Assert.DoesNotContain("\"d\"", set, StringComparison.Ordinal); // never the private part
    }

    [Fact]
    public void Thumbprint_IsTheSha256OfTheRfc7638CanonicalMembers()
    {
        // The RFC 7515 A.3 key: members crv, kty, x, y in that order, no white space.
        var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"),
                Y = Base64Url.DecodeFromChars("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"),
            },
        });

        var canonical = """{"crv":"P-256","kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}""";
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(canonical))), EcJsonWebKey.Thumbprint(key));
    }
}
