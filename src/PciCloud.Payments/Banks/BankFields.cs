using PciCloud.Payments.Cards;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Banks;

/// <summary>
/// Each region's bank fields (API.md "Bank payments"): UK Bacs sort code + account number, US ACH
/// routing number + account number + account type (chosen by the agent), AU BECS BSB + account number.
/// </summary>
public static class BankFields
{
    private static readonly CardField[] Uk = [CardField.SortCode, CardField.AccountNumber];
    private static readonly CardField[] Us = [CardField.RoutingNumber, CardField.AccountNumber, CardField.AccountType];
    private static readonly CardField[] Au = [CardField.Bsb, CardField.AccountNumber];

    public static IReadOnlyList<CardField> For(PostalCodeRegion region) => region switch
    {
        PostalCodeRegion.Uk => Uk,
        PostalCodeRegion.Au => Au,
        _ => Us,
    };

    public static bool IsBankField(CardField field) => field >= CardField.SortCode;

    /// <summary>The agent confirmation a bank debit of this region needs before submit, as API.md names it.</summary>
    public static string Confirmation(PostalCodeRegion region) => region switch
    {
        PostalCodeRegion.Uk => "direct_debit_guarantee",
        PostalCodeRegion.Au => "becs_service_agreement",
        _ => "ach_authorization",
    };

    /// <summary>The payment scheme of the region's bank debits.</summary>
    public static string Scheme(PostalCodeRegion region) => region switch
    {
        PostalCodeRegion.Uk => "bacs_debit",
        PostalCodeRegion.Au => "au_becs_debit",
        _ => "us_bank_account",
    };

    /// <summary>Digits that may be keyed into the field (account_type is typed by the agent).</summary>
    public static int Capacity(CardField field, PostalCodeRegion region) => field switch
    {
        CardField.SortCode or CardField.Bsb => 6,
        CardField.RoutingNumber => 9,
        CardField.AccountNumber => region switch { PostalCodeRegion.Uk => 8, PostalCodeRegion.Au => 9, _ => 17 },
        _ => 1,
    };

    /// <summary>Null when the keyed digits are a valid value of the field, else the error code (the UK modulus check is separate).</summary>
    public static string? Validate(CardField field, ReadOnlySpan<char> digits, PostalCodeRegion region) => field switch
    {
        CardField.SortCode => digits.Length == 6 ? null : CardErrorCodes.InvalidSortCode,
        CardField.Bsb => digits.Length == 6 ? null : CardErrorCodes.InvalidBsb,
        CardField.RoutingNumber => AbaRoutingNumber.IsValid(digits) ? null : CardErrorCodes.InvalidRoutingNumber,
        CardField.AccountNumber => digits.Length >= MinAccountLength(region) && digits.Length <= Capacity(field, region) ? null : CardErrorCodes.InvalidAccountNumber,
        _ => null,
    };

    private static int MinAccountLength(PostalCodeRegion region) => region switch
    {
        PostalCodeRegion.Uk => 8,
        PostalCodeRegion.Au => 5,
        _ => 4,
    };
}
