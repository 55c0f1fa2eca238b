using System.Text.Json.Serialization;
using PciCloud.Payments.Banks;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Money;

namespace PciCloud.Payments.Gateways;

/// <summary>
/// A bank debit by the account keyed in a session: a one-off debit of <see cref="Amount"/>, or with
/// <see cref="Mandate"/> a mandate for later debits (the result's reference is then a token that
/// <see cref="IPaymentGateway.ChargeTokenAsync"/> debits, as schedules do). Holds bank data: never serialized.
/// </summary>
[JsonConverter(typeof(RefuseSerializationConverter<BankDebitRequest>))]
public sealed record BankDebitRequest(string IdempotencyKey, MoneyAmount? Amount, BankDetails Account, bool Mandate)
{
    public string? Description { get; init; }

    public string? Reference { get; init; }
}
