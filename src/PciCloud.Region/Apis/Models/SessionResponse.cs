using PciCloud.Contracts.Sessions;

namespace PciCloud.Region.Apis.Models;

/// <summary>API.md &lt;session&gt;: the masked view only, plus the agent link.</summary>
public sealed record SessionResponse(
    string Id, string CallId, string Intent, string Status, long? Amount, string? Currency, string? Description,
    string? Reference, string? AgentUrl, string? AgentId, bool AgentCanRefund, IReadOnlyDictionary<string, FieldView> Fields,
    SessionResult? Result, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? CapturingField,
    bool CaptureInterrupted, long Version, int DigitsLost)
{
    public SessionControlsResponse? Controls { get; init; }

    /// <summary>Bank sessions: the confirmation the agent gives before submit (API.md "Bank payments").</summary>
    public ConfirmationResponse? Confirmation { get; init; }

    public static SessionResponse From(PaymentSessionView v, string? agentUrl) => new(
        v.Id, v.CallId, v.Intent, v.Status, v.Amount, v.Currency, v.Description, v.Reference, agentUrl, v.AgentId,
        v.AgentCanRefund, v.Fields, v.Result, v.CreatedAt, v.ExpiresAt, v.CapturingField, v.CaptureInterrupted, v.Version, v.DigitsLost)
    {
        Controls = SessionControlsResponse.From(v.Controls ?? SessionControls.Default, v.AcceptedBrands),
        Confirmation = v.ConfirmationRequired is { } required ? new ConfirmationResponse(required, v.ConfirmedAt) : null,
    };
}
