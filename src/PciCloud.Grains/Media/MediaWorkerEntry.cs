using PciCloud.Contracts.Media;

namespace PciCloud.Grains.Media;

[GenerateSerializer, Alias("pcicloud.media-worker-entry.v1")]
public sealed class MediaWorkerEntry
{
    [Id(0)] public required MediaWorkerRegistration Registration { get; set; }

    [Id(1)] public int ActiveStreams { get; set; }

    [Id(2)] public DateTimeOffset LastHeartbeat { get; set; }

    /// <summary>callId -> reserved RTP port (null for websocket calls).</summary>
    [Id(3)] public Dictionary<string, int?> Reservations { get; set; } = [];

    [Id(4)] public int NextPortCursor { get; set; }

    /// <summary>callId -> the second port of a SIP call (its first is in <see cref="Reservations"/>).</summary>
    [Id(5)] public Dictionary<string, int> SipSecondPorts { get; set; } = [];
}
