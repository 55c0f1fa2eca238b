namespace PciCloud.Contracts.Sessions;

/// <summary>
/// The per-session controls of API.md (validated by the region before they get here). Accepted
/// brands are in <see cref="SessionCreate.AcceptedBrands"/> (the session's subset of the tenant's).
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.session-controls.v1")]
public sealed record SessionControls
{
    public const string Reusable = "reusable";
    public const string OneTime = "one-time";

    public static SessionControls Default { get; } = new();

    /// <summary>Attempts per field, 1-10.</summary>
    [Id(0)] public int MaxAttempts { get; init; } = 3;

    /// <summary>Inter-digit timeout in seconds while a field captures; null: off.</summary>
    [Id(1)] public int? TimeoutSeconds { get; init; }

    /// <summary>Double entry of the card number (or bank account number).</summary>
    [Id(2)] public bool RequireMatchingInputs { get; init; }

    /// <summary><see cref="Reusable"/> or <see cref="OneTime"/> (intent tokenize).</summary>
    [Id(3)] public string TokenType { get; init; } = Reusable;

    /// <summary>A per-session webhook URL that receives this session's events (signed like the tenant's).</summary>
    [Id(4)] public string? StatusCallback { get; init; }

    /// <summary>Raise payment_session.updated on every change (field states), not only on status changes.</summary>
    [Id(5)] public bool PartialResults { get; init; }

    /// <summary>The tenant's named gateway configuration the session uses; null: the tenant's default.</summary>
    [Id(6)] public string? Gateway { get; init; }
}
