namespace PciCloud.Contracts.Media;

/// <summary>A masking worker announcing itself to its region's directory.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.media-worker-registration.v1")]
public sealed record MediaWorkerRegistration(
    [property: Id(0)] string WorkerId,
    [property: Id(1)] string RtpHost,
    [property: Id(2)] int RtpPortMin,
    [property: Id(3)] int RtpPortMax,
    [property: Id(4)] string WebsocketBaseUrl,
    [property: Id(5)] int Capacity);
