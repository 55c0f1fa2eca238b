namespace PciCloud.Payments.Sessions;

/// <summary>The API names of <see cref="CardField"/> ("card_number", "expiry", "security_code", "postal_code").</summary>
public static class CardFieldNames
{
    public static string ToApiName(this CardField field) => field switch
    {
        CardField.CardNumber => "card_number",
        CardField.Expiry => "expiry",
        CardField.SecurityCode => "security_code",
        CardField.PostalCode => "postal_code",
        CardField.SortCode => "sort_code",
        CardField.AccountNumber => "account_number",
        CardField.RoutingNumber => "routing_number",
        CardField.Bsb => "bsb",
        CardField.AccountType => "account_type",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Exact, case-sensitive match of an API name.</summary>
    public static bool TryParse(string? name, out CardField field)
    {
        foreach (var candidate in Enum.GetValues<CardField>())
        {
            if (string.Equals(candidate.ToApiName(), name, StringComparison.Ordinal))
            {
                field = candidate;
                return true;
            }
        }

        field = default;
        return false;
    }
}
