using System.Diagnostics;
using System.Text.Json.Serialization;
using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Banks;

/// <summary>
/// The bank account as handed to a gateway connector for one request: the bank code (sort code,
/// routing number or BSB) and the account number buffers (read them with
/// <see cref="SensitiveDigits.RevealForGateway"/>), the account type the agent chose (US), and what
/// may be shown (the last four of the account). Not serializable, redacted ToString.
/// </summary>
[JsonConverter(typeof(RefuseSerializationConverter<BankDetails>))]
[DebuggerDisplay("{ToString(),nq}")]
public sealed class BankDetails : IDisposable
{
    internal BankDetails(string scheme, SensitiveDigits bankCode, SensitiveDigits accountNumber, string? accountType)
    {
        Scheme = scheme;
        BankCode = bankCode;
        AccountNumber = accountNumber;
        AccountType = accountType;
        Last4 = accountNumber.Length >= 4 ? new string(accountNumber.Span[^4..]) : "";
    }

    /// <summary>Builds bank details from known digits (connector tests). Validates nothing but the characters.</summary>
    public static BankDetails Create(string scheme, ReadOnlySpan<char> bankCode, ReadOnlySpan<char> accountNumber, string? accountType = null) =>
        new(scheme, SensitiveDigits.FromDigits(bankCode, 9), SensitiveDigits.FromDigits(accountNumber, 17), accountType);

    /// <summary>bacs_debit, us_bank_account or au_becs_debit (Stripe's payment method types).</summary>
    public string Scheme { get; }

    /// <summary>Sort code (UK), routing number (US) or BSB (AU).</summary>
    public SensitiveDigits BankCode { get; }

    public SensitiveDigits AccountNumber { get; }

    /// <summary>checking or savings (US); null elsewhere.</summary>
    public string? AccountType { get; }

    public string Last4 { get; }

    public void Dispose()
    {
        BankCode.Wipe();
        AccountNumber.Wipe();
    }

    public override string ToString() => $"BankDetails({Scheme}, ****{Last4}, redacted)";
}
