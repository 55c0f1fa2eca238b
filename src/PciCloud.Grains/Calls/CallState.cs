using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Media;

namespace PciCloud.Grains.Calls;

/// <summary>A call's persisted state. Never a digit: only key-press sequence numbers for de-duplication.</summary>
/// <remarks>Id 14 held every sequence number seen (up to 10 000, written on each key press); it is not reused.</remarks>
[GenerateSerializer, Alias("pcicloud.call-state.v1")]
public sealed class CallState
{
    [Id(0)] public string? TenantId { get; set; }

    [Id(1)] public string? ExternalId { get; set; }

    [Id(2)] public string? From { get; set; }

    [Id(3)] public string? To { get; set; }

    [Id(4)] public string Status { get; set; } = CallView.Active;

    [Id(5)] public DateTimeOffset StartedAt { get; set; }

    [Id(6)] public DateTimeOffset? EndedAt { get; set; }

    [Id(7)] public CallMediaRequest? Media { get; set; }

    [Id(8)] public MediaReservation? Reservation { get; set; }

    [Id(9)] public string? MediaTokenSha256 { get; set; }

    [Id(10)] public List<string> SessionIds { get; set; } = [];

    [Id(11)] public string? OpenSessionId { get; set; }

    [Id(12)] public MaskingSummary? Masking { get; set; }

    [Id(13)] public SessionOutcomeSummary? LastOutcome { get; set; }

    /// <summary>Whether the call was registered with SRTP keys (the keys themselves are never persisted).</summary>
    [Id(15)] public bool UsesSrtp { get; set; }

    /// <summary>The final masking certificate, once issued (signed evidence, never a digit).</summary>
    [Id(16)] public MaskingCertificate? Certificate { get; set; }

    /// <summary>The open session is capturing a field (the worker's masker holds its sensitive mode).</summary>
    [Id(17)] public bool Capturing { get; set; }

    [Id(18)] public KeyPressWindow KeyPresses { get; set; } = new();

    /// <summary>Key presses that may have been missed and that the open session has not been told of yet.</summary>
    [Id(19)] public int DigitsLostUntold { get; set; }
}
