using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

/// <summary>A tenant's own JWT library (Microsoft.IdentityModel) checks a certificate with nothing but the region's JWKS.</summary>
public sealed class MaskingCertificateInteropTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JsonWebTokenHandler_ValidatesTheCertificate_WithTheRegionsJwks_AndRejectsAChangedOne()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var created = await client.PostJsonAsync("/v1/calls", new { media = new { transport = "rtp", codec = "PCMA", forwardTo = "127.0.0.1:5004" } });
        var id = (string)(await created.BodyAsync())["id"]!;
        var jws = (string)(await (await client.GetAsync($"/v1/calls/{id}/masking-certificate", Ct)).BodyAsync())["certificate"]!;
        var jwks = new JsonWebKeySet(await region.CreateClient().GetStringAsync("/.well-known/jwks.json", Ct));
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        };
        var handler = new JsonWebTokenHandler();

        var valid = await handler.ValidateTokenAsync(jws, parameters);
        var parts = jws.Split('.');
        var changedPayload = Base64UrlEncoder.Encode(Base64UrlEncoder.DecodeBytes(parts[1]).Select((b, i) => i == 20 ? (byte)(b ^ 1) : b).ToArray());
        var tampered = await handler.ValidateTokenAsync($"{parts[0]}.{changedPayload}.{parts[2]}", parameters);

        Assert.True(valid.IsValid, valid.Exception?.Message);
        Assert.Equal(id, (string)valid.Claims["callId"]);
        Assert.Equal("us", (string)valid.Claims["region"]);
        Assert.False(tampered.IsValid);
        Assert.NotNull(JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!["legs"]);
    }
}
