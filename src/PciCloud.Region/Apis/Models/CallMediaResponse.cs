namespace PciCloud.Region.Apis.Models;

public sealed record CallMediaResponse(
    string Transport, string Codec, RtpEndpoint? Rtp, string? WebsocketUrl, string? ForwardTo, string? RecordTo, string? ExpectFrom);
