using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using PciCloud.Contracts.Calls;
using PciCloud.Grains.Calls;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Http;

namespace PciCloud.Region.Apis;

/// <summary>
/// API.md "Masking certificates": a call's signed masking certificate (JSON, or the bare JWS with
/// <c>Accept: application/jose</c>); another tenant's call is 404 like an unknown one.
/// </summary>
public static class MaskingCertificatesApi
{
    public const string JoseMediaType = "application/jose";

    public static RouteGroupBuilder MapMaskingCertificatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/calls").WithTags("Calls").WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapGet("/{id}/masking-certificate", GetMaskingCertificate);
        return api;
    }

    public static async Task<Results<Ok<MaskingCertificateResponse>, ContentHttpResult, ProblemHttpResult>> GetMaskingCertificate(
        string id, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var owned = await CallsApi.OwnedCallAsync(grains, id, caller) is not null;
        await audit.RecordReadAsync(caller, "masking_certificate.read", id, owned);
        var certificate = owned ? await grains.GetGrain<ICallGrain>(id).GetMaskingCertificateAsync() : null;
        if (certificate is null)
        {
            return Problems.NotFound();
        }

        if (WantsJose(context.Request))
        {
            return TypedResults.Text(certificate.Jws, JoseMediaType);
        }

        return TypedResults.Ok(new MaskingCertificateResponse(
            id, certificate.Final, certificate.KeyId, certificate.IssuedAt, certificate.Jws, CallGrain.Sha256Hex(certificate.Jws)));
    }

    private static bool WantsJose(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals(JoseMediaType, StringComparison.OrdinalIgnoreCase));
}
