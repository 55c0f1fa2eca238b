using System.Text.Json.Serialization;
using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Sessions;

/// <summary>
/// What anyone may see of a field (API responses, the Agent Assist page, grain state): its state,
/// how many digits were keyed, asterisks, and — only on a complete, valid card number — brand and
/// last four. Never more. <see cref="Lost"/> is true when the field held card data in a session
/// activation that was lost, so it came back empty and must be keyed again.
/// </summary>
public sealed record MaskedField(CardField Field, FieldState State, int Length, int AttemptsLeft)
{
    /// <summary>Only asterisks, one per keyed character.</summary>
    public string Masked => new('*', Length);

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CardBrand? Brand { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Last4 { get; init; }

    /// <summary>A <see cref="CardErrorCodes"/> value when the field is invalid.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Lost { get; init; }

    /// <summary>Double entry: the first entry was valid and the customer is keying it again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Confirming { get; init; }
}
