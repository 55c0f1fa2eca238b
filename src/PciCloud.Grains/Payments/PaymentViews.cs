using PciCloud.Contracts.Payments;

namespace PciCloud.Grains.Payments;

/// <summary>The API's view of a payment's persisted state.</summary>
internal static class PaymentViews
{
    public static PaymentView Of(string id, PaymentState s)
    {
        var r = s.Registration!;
        return new PaymentView(id, r.TenantId, r.Kind, s.Status, r.Amount, r.Currency, s.Captured,
            s.Refunds.Where(x => x.Status == RefundView.Succeeded).Sum(x => x.Amount), s.CreatedAt, [.. s.Refunds])
        {
            SessionId = r.SessionId,
            TokenId = r.TokenId,
            ScheduleId = r.ScheduleId,
            Period = r.Period,
            AuthorizationCode = s.AuthorizationCode,
            DeclineCode = s.DeclineCode,
            Message = s.Message,
            Description = r.Description,
            Reference = r.Reference,
        };
    }

    /// <summary>Status after refunds: refunded when nothing captured is left, partially_refunded when some is.</summary>
    public static string AfterRefunds(PaymentState s)
    {
        var refunded = s.Refunds.Where(x => x.Status == RefundView.Succeeded).Sum(x => x.Amount);
        return refunded == 0 ? PaymentStatuses.Succeeded : refunded >= s.Captured ? PaymentStatuses.Refunded : PaymentStatuses.PartiallyRefunded;
    }
}
