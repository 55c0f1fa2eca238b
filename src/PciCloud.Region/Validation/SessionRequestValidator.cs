using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Sessions;
using PciCloud.Contracts.Tenants;
using PciCloud.Payments.Money;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Http;

namespace PciCloud.Region.Validation;

public static class SessionRequestValidator
{
    /// <summary>How far ahead a recurring schedule may start (Stripe allows a two-year trial).</summary>
    public const int MaxStartDays = 730;

    /// <param name="today">Today (UTC): a recurring startDate must be today or later, and at most <see cref="MaxStartDays"/> ahead.</param>
    public static (SessionCreate? Create, ProblemHttpResult? Error) Validate(CreateSessionRequest r, TenantSettings tenant, string callId, DateOnly today)
    {
        if (r.Intent is not ("charge" or "authorize" or "tokenize" or "recurring"))
        {
            return (null, Problems.Invalid("intent must be charge, authorize, tokenize or recurring."));
        }

        var (amount, amountError) = SessionAmountValidator.ForCreate(r.Amount, r.Currency, r.Intent, tenant);
        if (amountError is not null)
        {
            return (null, amountError);
        }

        var fields = r.Fields is { Count: > 0 } f ? f : tenant.DefaultFields;
        if (fields.Any(x => !TenantRules.Fields.Contains(x)) || fields.Distinct().Count() != fields.Count
            || !fields.Contains("card_number") || !fields.Contains("expiry"))
        {
            return (null, Problems.Invalid("fields: distinct known fields, including card_number and expiry."));
        }

        if ((r.Description?.Length ?? 0) > 1000 || (r.Reference?.Length ?? 0) > 255 || (r.AgentId?.Length ?? 0) > 100)
        {
            return (null, Problems.Invalid("description (1000), reference (255) or agentId (100 characters) is too long."));
        }

        RecurringPlan? plan = null;
        if (r.Intent == "recurring")
        {
            if (r.Recurring is not { Interval: "week" or "month" or "year" } rec || rec.Count is < 1 or > 1000)
            {
                return (null, Problems.Invalid("recurring: interval week, month or year; count 1 to 1000 when given."));
            }

            // A start in the past would make every period since then due at once.
            if (rec.StartDate is { } start && (start < today || start > today.AddDays(MaxStartDays)))
            {
                return (null, Problems.Invalid($"recurring.startDate must be today or later (UTC), at most {MaxStartDays} days ahead."));
            }

            plan = new RecurringPlan(rec.Interval!, rec.Count, rec.StartDate);
        }
        else if (r.Recurring is not null)
        {
            return (null, Problems.Invalid("recurring is only for intent recurring."));
        }

        return (new SessionCreate(tenant.Id, callId, r.Intent, amount?.MinorUnits, amount?.Currency.Code ?? r.Currency,
            r.Description, r.Reference, r.AgentId, r.AgentCanRefund ?? false, [.. fields], plan, tenant.Region, tenant.GatewayKind,
            tenant.AcceptedBrands), null);
    }
}
