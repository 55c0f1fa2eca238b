using System.Text.Json.Nodes;
using PciCloud.Media.Certificates;
using PciCloud.Region.Certificates;

namespace PciCloud.Region.Apis;

/// <summary>
/// <c>GET /.well-known/jwks.json</c>: the region's public masking-certificate keys (RFC 7517 JWK Set), the
/// current one and the retired ones still kept, so anyone can check a certificate without an account.
/// </summary>
public static class WellKnownApi
{
    public static IEndpointRouteBuilder MapWellKnownApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", GetJwks).WithTags("Masking certificates");
        return app;
    }

    public static async Task<IResult> GetJwks(ISigningKeyRing keys, HttpContext context)
    {
        var published = await keys.PublishedAsync(context.RequestAborted);
        var set = new JsonArray([.. published.Select(k => (JsonNode)EcJsonWebKey.ToJwk(k.Key, k.KeyId))]);
        // Short enough that a verifier holding a stale copy refetches soon after a rotation.
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(new JsonObject { ["keys"] = set }.ToJsonString(), "application/jwk-set+json");
    }
}
