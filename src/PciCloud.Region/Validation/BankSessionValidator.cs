using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Tenants;
using PciCloud.Payments.Banks;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Sessions;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Http;

namespace PciCloud.Region.Validation;

/// <summary>
/// A bank session's request (API.md "Bank payments"): its fields are exactly the tenant's region's
/// bank fields, no card field among them, and its intent a one-off debit (charge) or a mandate (recurring).
/// </summary>
public static class BankSessionValidator
{
    public static readonly string[] Confirmations = ["direct_debit_guarantee", "ach_authorization", "becs_service_agreement"];

    /// <summary>True when the request names any bank field (it is then a bank session or refused).</summary>
    public static bool IsBankRequest(CreateSessionRequest r) =>
        r.Fields?.Any(f => CardFieldNames.TryParse(f, out var field) && BankFields.IsBankField(field)) == true;

    /// <returns>The session's bank fields (API names), or a problem.</returns>
    public static (IReadOnlyList<string>? Fields, ProblemHttpResult? Error) Validate(CreateSessionRequest r, TenantSettings tenant)
    {
        var region = tenant.Region switch { "uk" => PostalCodeRegion.Uk, "au" => PostalCodeRegion.Au, _ => PostalCodeRegion.Us };
        string[] own = [.. BankFields.For(region).Select(f => f.ToApiName())];
        var fields = r.Fields!;
        if (fields.Any(f => f is null || !CardFieldNames.TryParse(f, out _)))
        {
            return (null, Problems.Invalid("fields: unknown field."));
        }

        if (fields.Any(f => CardFieldNames.TryParse(f, out var field) && !BankFields.IsBankField(field)))
        {
            return (null, Problems.Invalid("A session takes card fields or bank fields, never both.", "card_and_bank_fields_mixed"));
        }

        if (fields.Any(f => !own.Contains(f)))
        {
            return (null, Problems.Invalid(
                $"This tenant's region ({tenant.Region}) takes bank details as {string.Join(", ", own)}.", "bank_fields_not_in_region"));
        }

        if (fields.Distinct().Count() != own.Length || fields.Count != own.Length)
        {
            return (null, Problems.Invalid($"A bank session's fields are {string.Join(", ", own)}, each once."));
        }

        if (r.Intent is not ("charge" or "recurring"))
        {
            return (null, Problems.Invalid("A bank session's intent is charge (a one-off debit) or recurring (a mandate for the schedule)."));
        }

        return (own, null);
    }
}
