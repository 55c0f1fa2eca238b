using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Tenants;
using PciCloud.Contracts.Tokens;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Http;
using PciCloud.Region.Validation;

namespace PciCloud.Region.Apis;

/// <summary>
/// API.md "tokens": an off-session charge of a stored card. 201 with the payment, also when the card
/// is declined (status failed, declineCode), as a session's submit answers 200 with a declined result.
/// </summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/tokens/{id}").WithTags("Tokens").WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapGet("/", GetToken);
        api.MapDelete("/", DeleteToken);
        api.MapPost("/charges", ChargeToken);
        return api;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> GetToken(string id, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var token = await OwnedTokenAsync(grains, id, caller);
        await audit.RecordReadAsync(caller, "token.read", id, token is not null);
        return token is null ? Problems.NotFound() : TypedResults.Ok(TokenResponse.From(token));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteToken(string id, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        if (await OwnedTokenAsync(grains, id, caller) is null || !await grains.GetGrain<ITokenGrain>(id).DeleteAsync())
        {
            return Problems.NotFound();
        }

        await audit.RecordAsync(caller.TenantId, caller, "token.deleted", id);
        return TypedResults.NoContent();
    }

    private static async Task<TokenView?> OwnedTokenAsync(IGrainFactory grains, string id, Caller caller) =>
        RouteIds.Plausible(id, "tok_") && await grains.GetGrain<ITokenGrain>(id).GetAsync() is { } token && token.TenantId == caller.TenantId
            ? token
            : null;

    public static async Task<Results<Created<PaymentResponse>, ProblemHttpResult>> ChargeToken(
        string id, ChargeTokenRequest body, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var tenant = await grains.GetGrain<ITenantGrain>(caller.TenantId).GetAsync();
        if (tenant is null || !RouteIds.Plausible(id, "tok_")
            || await grains.GetGrain<ITokenGrain>(id).GetAsync() is not { } token || token.TenantId != caller.TenantId)
        {
            return Problems.NotFound();
        }

        var (amount, error) = PaymentRequestValidator.TokenCharge(body, tenant);
        if (error is not null)
        {
            return error;
        }

        var paymentId = RequestScopedIds.For(context, "pay", caller.TenantId, id);
        var reply = await grains.GetGrain<ITokenGrain>(id).ChargeAsync(new TokenCharge(paymentId, $"{paymentId}:charge",
            amount!.Value.MinorUnits, amount.Value.Currency.Code) { Description = body.Description, Reference = body.Reference });
        await audit.RecordAsync(caller.TenantId, caller, "token.charge", reply.Ok ? paymentId : id,
            reply.Ok ? (reply.View!.DeclineCode ?? reply.View.Status) : reply.ErrorCode!);
        return reply.Ok
            ? TypedResults.Created($"/v1/payments/{paymentId}", PaymentResponse.From(reply.View!))
            : SessionProblems.From(reply.ErrorCode, reply.ErrorDetail);
    }
}
