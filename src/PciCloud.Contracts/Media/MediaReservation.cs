namespace PciCloud.Contracts.Media;

/// <summary>The worker (and, for RTP, the port) a call was given before POST /v1/calls answered.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.media-reservation.v1")]
public sealed record MediaReservation(
    [property: Id(0)] string WorkerId,
    [property: Id(1)] string RtpHost,
    [property: Id(2)] int? RtpPort,
    [property: Id(3)] string WebsocketBaseUrl);
