using PciCloud.Contracts.Sessions;

namespace PciCloud.Region.Apis.Models;

/// <summary>The "controls" of a &lt;session&gt;: the per-session controls in force, with the request's names.</summary>
public sealed record SessionControlsResponse(
    int MaxAttempts, int? Timeout, IReadOnlyList<string> AcceptedBrands, bool RequireMatchingInputs, string TokenType,
    string? StatusCallback, bool PartialResults, string? Gateway)
{
    public static SessionControlsResponse From(SessionControls c, IReadOnlyList<string>? brands) => new(
        c.MaxAttempts, c.TimeoutSeconds, brands ?? [], c.RequireMatchingInputs, c.TokenType, c.StatusCallback, c.PartialResults, c.Gateway);
}
