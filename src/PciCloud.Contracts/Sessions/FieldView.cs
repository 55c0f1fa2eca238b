namespace PciCloud.Contracts.Sessions;

/// <summary>The masked view of one card field: asterisks only; brand/last4 once the number is complete and valid.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.field-view.v1")]
public sealed record FieldView(
    [property: Id(0)] string State,
    [property: Id(1)] int Length,
    [property: Id(2)] string Masked,
    [property: Id(3)] string? Brand,
    [property: Id(4)] string? Last4,
    [property: Id(5)] string? Error,
    [property: Id(6)] int AttemptsLeft)
{
    /// <summary>Double entry: the first entry was valid; the customer is keying it a second time.</summary>
    [Id(7), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Confirming { get; init; }
}
