using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Payments;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Http;
using PciCloud.Region.Validation;

namespace PciCloud.Region.Apis;

/// <summary>
/// API.md "Payments, refunds": get, capture an authorization, refund. Tenant keys; a refund also
/// with the agent token of the payment's own session when that session was created with agentCanRefund.
/// </summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/payments/{id}").WithTags("Payments");
        api.MapGet("/", GetPayment).WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapPost("/capture", CapturePayment).WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapPost("/void", VoidPayment).WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapPost("/refunds", CreateRefund).WithMetadata(new RequiresCaller(CallerKind.Tenant | CallerKind.Agent));
        return api;
    }

    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> GetPayment(
        string id, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var view = await OwnedPaymentAsync(grains, id, caller);
        await audit.RecordReadAsync(caller, "payment.read", id, view is not null);
        return view is null ? Problems.NotFound() : TypedResults.Ok(PaymentResponse.From(view));
    }

    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> CapturePayment(
        string id, CapturePaymentRequest? body, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        if (await OwnedPaymentAsync(grains, id, caller) is null)
        {
            return Problems.NotFound();
        }

        if (PaymentRequestValidator.Amount(body?.Amount) is { } invalid)
        {
            return invalid;
        }

        var reply = await grains.GetGrain<IPaymentGrain>(id).CaptureAsync(body?.Amount);
        await audit.RecordAsync(caller.TenantId, caller, "payment.capture", id, reply.ErrorCode ?? "success");
        return reply.Ok ? TypedResults.Ok(PaymentResponse.From(reply.View!)) : SessionProblems.From(reply.ErrorCode, reply.ErrorDetail);
    }

    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> VoidPayment(
        string id, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        if (await OwnedPaymentAsync(grains, id, caller) is null)
        {
            return Problems.NotFound();
        }

        var reply = await grains.GetGrain<IPaymentGrain>(id).VoidAsync();
        await audit.RecordAsync(caller.TenantId, caller, "payment.void", id, reply.ErrorCode ?? "success");
        return reply.Ok ? TypedResults.Ok(PaymentResponse.From(reply.View!)) : SessionProblems.From(reply.ErrorCode, reply.ErrorDetail);
    }

    public static async Task<Results<Created<RefundResponse>, ProblemHttpResult>> CreateRefund(
        string id, CreateRefundRequest? body, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var payment = await OwnedPaymentAsync(grains, id, caller);
        if (payment is null || (caller.Kind == CallerKind.Agent && !(caller.AgentCanRefund && caller.SessionId == payment.SessionId)))
        {
            return Problems.NotFound();
        }

        if (PaymentRequestValidator.Refund(body) is { } invalid)
        {
            return invalid;
        }

        var refundId = RequestScopedIds.For(context, "re", caller.TenantId, id);
        var reply = await grains.GetGrain<IPaymentGrain>(id).RefundAsync(new RefundCommand(refundId, body?.Amount, body?.Reason));
        await audit.RecordAsync(caller.TenantId, caller, reply.Ok ? "refund.created" : "payment.refund", reply.Ok ? refundId : id,
            reply.Ok ? reply.Refund!.Status : reply.ErrorCode!);
        return reply.Ok
            ? TypedResults.Created($"/v1/payments/{id}", RefundResponse.From(reply.Refund!))
            : SessionProblems.From(reply.ErrorCode, reply.ErrorDetail);
    }

    /// <summary>The payment, if it exists and belongs to the caller's tenant; another tenant's is "not found".</summary>
    public static async Task<PaymentView?> OwnedPaymentAsync(IGrainFactory grains, string id, Caller caller)
    {
        if (!RouteIds.Plausible(id, "pay_"))
        {
            return null;
        }

        var view = await grains.GetGrain<IPaymentGrain>(id).GetAsync();
        return view is not null && view.TenantId == caller.TenantId ? view : null;
    }
}
