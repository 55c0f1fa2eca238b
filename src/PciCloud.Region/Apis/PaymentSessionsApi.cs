using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Sessions;
using PciCloud.Contracts.Tenants;
using PciCloud.Grains;
using PciCloud.Grains.Gateways;
using PciCloud.Grains.Secrets;
using PciCloud.Payments.Sessions;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Hosting;
using PciCloud.Region.Http;
using PciCloud.Region.Validation;
using ContractView = PciCloud.Contracts.Sessions.PaymentSessionView;

namespace PciCloud.Region.Apis;

/// <summary>API.md "Payment sessions". Tenant keys, and the session's own agent token for agent actions.</summary>
public static class PaymentSessionsApi
{
    public static IEndpointRouteBuilder MapPaymentSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/calls/{callId}/payment-sessions", CreateSession).WithTags("Payment sessions")
            .WithMetadata(new RequiresCaller(CallerKind.Tenant));
        var api = app.MapGroup("/v1/payment-sessions/{id}").WithTags("Payment sessions")
            .WithMetadata(new RequiresCaller(CallerKind.Tenant | CallerKind.Agent));
        api.MapGet("/", GetSession);
        api.MapPatch("/", PatchSession);
        api.MapPost("/capture", (string id, FieldBody body, [AsParameters] Deps d, HttpContext c) => Command(id, "capture", d, c, g => g.CaptureAsync(body.Field ?? "")));
        api.MapPost("/reset", (string id, FieldBody body, [AsParameters] Deps d, HttpContext c) => Command(id, "reset", d, c, g => g.ResetAsync(body.Field ?? "")));
        api.MapPost("/submit", (string id, [AsParameters] Deps d, HttpContext c) => Command(id, "submit", d, c, g => g.SubmitAsync()));
        api.MapPost("/cancel", (string id, [AsParameters] Deps d, HttpContext c) => Command(id, "cancel", d, c, g => g.CancelAsync()));
        api.MapPost("/confirm", ConfirmSession);
        api.MapGet("/events", SessionEvents.StreamAsync);
        return app;
    }

    public static async Task<Results<Created<SessionResponse>, ProblemHttpResult>> CreateSession(
        string callId, CreateSessionRequest request, [AsParameters] Deps d, IGatewayResolver gateways, ISecretStore secrets, TimeProvider time,
        HttpContext context)
    {
        var caller = context.GetCaller();
        var call = await CallsApi.OwnedCallAsync(d.Grains, callId, caller);
        var tenant = await d.Grains.GetGrain<ITenantGrain>(caller.TenantId).GetAsync();
        if (call is null || tenant is null)
        {
            return Problems.NotFound();
        }

        // A bank session: its fields are checked here, the rest as for a card session.
        var (bankFields, bankError) = BankSessionValidator.IsBankRequest(request) ? BankSessionValidator.Validate(request, tenant) : (null, null);
        if (bankError is not null)
        {
            return bankError;
        }

        var (create, error) = SessionRequestValidator.Validate(
            bankFields is null ? request : request with { Fields = null }, tenant, callId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (error is not null)
        {
            return error;
        }

        var (controls, brands, controlsError) = SessionControlsValidator.Validate(request, tenant, d.Options.Value.AllowPrivateWebhooks);
        if (controlsError is not null)
        {
            return controlsError;
        }

        if (controls!.StatusCallback is not null && await secrets.GetAsync(SecretNames.WebhookSigningSecret(tenant.Id), context.RequestAborted) is null)
        {
            return Problems.Unprocessable("webhook_not_configured",
                "statusCallback deliveries are signed with the tenant's webhook signing secret: PUT /v1/webhook-endpoint first.");
        }

        var gatewayKind = tenant.GatewayKind;
        if (controls.Gateway is { } name && (tenant.Gateways?.TryGetValue(name, out gatewayKind) != true || gatewayKind is null))
        {
            return Problems.Invalid($"gateway '{name}' is not one of the tenant's named gateways.", "gateway_not_found");
        }

        create = create! with
        {
            AcceptedBrands = brands, Controls = controls, GatewayKind = GatewayRefs.Of(gatewayKind, controls.Gateway), Fields = bankFields ?? create.Fields,
        };
        var gateway = await gateways.ForTenantAsync(tenant.Id, create.GatewayKind, context.RequestAborted);
        if (gateway is not null && !gateway.Capabilities.Supports(Enum.Parse<PaymentIntent>(create!.Intent, ignoreCase: true)))
        {
            return Problems.Unprocessable("intent_not_supported", $"The tenant's gateway cannot do '{create.Intent}'.");
        }

        if (gateway is not null && bankFields is not null && !gateway.Capabilities.BankDebits)
        {
            return Problems.Unprocessable("intent_not_supported", "The tenant's gateway cannot take bank debits.");
        }

        if (call.Status != CallView.Active)
        {
            return Problems.Conflict("invalid_state", "The call has ended.");
        }

        var sessionId = Ids.New("ps");
        if (!await d.Grains.GetGrain<ICallGrain>(callId).OpenSessionAsync(sessionId))
        {
            return Problems.Conflict("session_already_open", "Another payment session is open on this call.");
        }

        var reply = await d.Grains.GetGrain<IPaymentSessionGrain>(sessionId).CreateAsync(create!);
        if (!reply.Ok)
        {
            await d.Grains.GetGrain<ICallGrain>(callId).SessionFinishedAsync(new SessionOutcomeSummary(sessionId, "cancelled", null, null, null, null, null, null));
            return SessionProblems.From(reply);
        }

        await d.Audit.RecordAsync(caller.TenantId, caller, "payment_session.created", sessionId);
        return TypedResults.Created($"/v1/payment-sessions/{sessionId}", await ResponseAsync(reply.View!, caller, d, context));
    }

    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetSession(string id, [AsParameters] Deps d, HttpContext context)
    {
        var caller = context.GetCaller();
        var view = await OwnedSessionAsync(d.Grains, id, caller);
        await d.Audit.RecordReadAsync(caller, "payment_session.read", id, view is not null);
        return view is null ? Problems.NotFound() : TypedResults.Ok(await ResponseAsync(view, caller, d, context));
    }

    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> PatchSession(
        string id, PatchSessionRequest body, [AsParameters] Deps d, HttpContext context)
    {
        var caller = context.GetCaller();
        var current = await OwnedSessionAsync(d.Grains, id, caller);
        var tenant = await d.Grains.GetGrain<ITenantGrain>(caller.TenantId).GetAsync();
        if (current is null || tenant is null)
        {
            return Problems.NotFound();
        }

        if (SessionAmountValidator.ForPatch(body.Amount, body.Currency, current, tenant) is { } invalid)
        {
            return invalid;
        }

        return await Command(id, "update", d, context, g => g.PatchAsync(new SessionPatch(body.Amount, body.Currency, body.Description, body.Reference, body.PostalCode)
        {
            AccountType = body.AccountType,
        }));
    }

    /// <summary>Bank sessions: the agent read the region's wording; the audit trail records which one ("as read"), never a number.</summary>
    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> ConfirmSession(
        string id, ConfirmRequest body, [AsParameters] Deps d, HttpContext context)
    {
        if (body.Confirmation is not { } confirmation || !BankSessionValidator.Confirmations.Contains(confirmation))
        {
            return Problems.Invalid($"confirmation must be one of {string.Join(", ", BankSessionValidator.Confirmations)}.", "invalid_confirmation");
        }

        return await Command(id, $"confirm.{confirmation}", d, context, g => g.ConfirmAsync(confirmation));
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> Command(
        string id, string action, Deps d, HttpContext context, Func<IPaymentSessionGrain, Task<SessionReply>> command)
    {
        var caller = context.GetCaller();
        if (await OwnedSessionAsync(d.Grains, id, caller) is null)
        {
            return Problems.NotFound();
        }

        var reply = await command(d.Grains.GetGrain<IPaymentSessionGrain>(id));
        await d.Audit.RecordAsync(caller.TenantId, caller, $"payment_session.{action}", id, reply.Ok ? "success" : reply.ErrorCode!);
        return reply.Ok ? TypedResults.Ok(await ResponseAsync(reply.View!, caller, d, context)) : SessionProblems.From(reply);
    }

    /// <summary>The session, if the caller may see it: its tenant's key, or the agent token for that very session.</summary>
    public static async Task<ContractView?> OwnedSessionAsync(IGrainFactory grains, string id, Caller caller)
    {
        if (!RouteIds.Plausible(id, "ps_") || !caller.MayActOnSession(id))
        {
            return null;
        }

        var view = await grains.GetGrain<IPaymentSessionGrain>(id).GetAsync();
        return view is not null && view.TenantId == caller.TenantId ? view : null;
    }

    internal static async Task<SessionResponse> ResponseAsync(ContractView view, Caller caller, Deps d, HttpContext context)
    {
        string? agentUrl = null;
        if (caller.Kind == CallerKind.Tenant)
        {
            var token = await d.AgentTokens.IssueAsync(view.TenantId, view.Id, view.AgentId, view.AgentCanRefund, context.RequestAborted);
            agentUrl = $"{d.Options.Value.PublicBaseUrl.TrimEnd('/')}/agent/{view.Id}?token={Uri.EscapeDataString(token)}";
        }

        return SessionResponse.From(view, agentUrl);
    }

    /// <summary>What every session endpoint needs (one parameter instead of five).</summary>
    public sealed record Deps(IGrainFactory Grains, AgentTokens AgentTokens, AuditTrail Audit, IOptions<RegionOptions> Options);
}
