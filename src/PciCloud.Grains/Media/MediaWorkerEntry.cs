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

    /// <summary>No longer used (ports are chosen at random); kept so stored state still reads.</summary>
    [Id(4)] public int NextPortCursor { get; set; }

    /// <summary>The worker said it is stopping: no new calls.</summary>
    [Id(5)] public bool Draining { get; set; }

    /// <summary>callId -> tenant, for the tenant's limit of concurrent reservations.</summary>
    [Id(6)] public Dictionary<string, string> ReservationTenants { get; set; } = [];

    /// <summary>callId -> the second port of a SIP call (its first is in <see cref="Reservations"/>).</summary>
    [Id(7)] public Dictionary<string, int> SipSecondPorts { get; set; } = [];
}
