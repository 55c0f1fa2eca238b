using PciCloud.Contracts.Sessions;

namespace PciCloud.Grains.Sessions;

/// <summary>
/// A session's persisted state: who owns it, and the payments library's masked view as JSON
/// (<see cref="ViewJson"/>; that view type refuses to carry card data). Never a digit.
/// </summary>
[GenerateSerializer, Alias("pcicloud.payment-session-state.v1")]
public sealed class PaymentSessionState
{
    [Id(0)] public SessionCreate? Create { get; set; }

    [Id(1)] public string? ViewJson { get; set; }

    [Id(2)] public long Version { get; set; }

    [Id(3)] public bool CaptureInterrupted { get; set; }

    [Id(4)] public bool CallNotified { get; set; }

    [Id(5)] public int DigitsLost { get; set; }

    /// <summary>The result's payment, token and schedule have their grains (see SessionResultObjects).</summary>
    [Id(6)] public bool ResultRegistered { get; set; }

    /// <summary>When the card request left for the gateway: how long a "not found" lookup may still be search lag.</summary>
    [Id(7)] public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>When the session became final: its agent token works only a short while after (RegionOptions.AgentTokenGraceMinutes).</summary>
    [Id(8)] public DateTimeOffset? FinishedAt { get; set; }
}
