using System.Net;

namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// What the worker needs to know about one call's media, as the region approved it:
/// the destinations are already checked against the tenant's allowed media destinations.
/// </summary>
public sealed record CallMediaSettings
{
    public required string CallId { get; init; }

    public required MediaTransportKind Transport { get; init; }

    public required AudioCodec Codec { get; init; }

    /// <summary>The UDP port the region reserved on this worker (RTP calls only).</summary>
    public int RtpPort { get; init; }

    public IPEndPoint? ForwardTo { get; init; }

    public IPEndPoint? RecordTo { get; init; }

    /// <summary>When set, RTP is accepted only from this address (and port, when non-zero).</summary>
    public IPEndPoint? ExpectFrom { get; init; }

    /// <summary>Lower-case hex SHA-256 of the secret a WebSocket media stream presents as <c>?token=</c>.</summary>
    public string? StreamTokenSha256 { get; init; }

    /// <summary>SRTP keys per leg (RFC 3711, SDES); null when every leg is plain RTP.</summary>
    public SrtpLegKeys? Srtp { get; init; }

    /// <summary>RTP payload type of RFC 4733 telephone events.</summary>
    public int TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>Never print the token or the SRTP keys.</summary>
    public override string ToString() => $"CallMediaSettings {{ CallId = {CallId}, Transport = {Transport}, Codec = {Codec}, RtpPort = {RtpPort} }}";
}
