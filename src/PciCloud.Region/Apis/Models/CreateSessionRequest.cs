namespace PciCloud.Region.Apis.Models;

/// <summary>POST /v1/calls/{callId}/payment-sessions (API.md), with the per-session controls.</summary>
public sealed record CreateSessionRequest(
    string? Intent, long? Amount, string? Currency, string? Description, string? Reference, string? AgentId,
    bool? AgentCanRefund, IReadOnlyList<string>? Fields, RecurringBody? Recurring)
{
    public int? MaxAttempts { get; init; }

    /// <summary>Inter-digit timeout in seconds.</summary>
    public int? Timeout { get; init; }

    public IReadOnlyList<string>? AcceptedBrands { get; init; }

    public bool? RequireMatchingInputs { get; init; }

    public string? TokenType { get; init; }

    public string? StatusCallback { get; init; }

    public bool? PartialResults { get; init; }

    public string? Gateway { get; init; }
}
