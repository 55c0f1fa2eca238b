using PciCloud.Contracts.Payments;

namespace PciCloud.Region.Apis.Models;

/// <summary>A payment (GET /v1/payments/{id}, capture, token charges): amounts and status, never card data.</summary>
public sealed record PaymentResponse(
    string Id, string Object, string Kind, string Status, long Amount, string Currency, long AmountCaptured,
    long AmountRefunded, long AmountRefundable, string? SessionId, string? TokenId, string? ScheduleId, int? Period,
    string? AuthorizationCode, string? DeclineCode, string? Message, string? Description, string? Reference,
    DateTimeOffset CreatedAt, IReadOnlyList<RefundResponse> Refunds)
{
    public static PaymentResponse From(PaymentView v) => new(
        v.Id, "payment", v.Kind, v.Status, v.Amount, v.Currency, v.AmountCaptured, v.AmountRefunded, Math.Max(0, v.Refundable),
        v.SessionId, v.TokenId, v.ScheduleId, v.Period, v.AuthorizationCode, v.DeclineCode, v.Message, v.Description,
        v.Reference, v.CreatedAt, [.. v.Refunds.Select(RefundResponse.From)]);
}
