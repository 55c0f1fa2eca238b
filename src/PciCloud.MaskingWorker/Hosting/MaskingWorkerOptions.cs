namespace PciCloud.MaskingWorker.Hosting;

/// <summary>The worker's configuration (section <c>MaskingWorker</c>).</summary>
public sealed class MaskingWorkerOptions
{
    public const string SectionName = "MaskingWorker";

    /// <summary>Stable id of this worker in the region's directory; a restart with the same id replaces the old entry.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Address the RTP sockets bind to.</summary>
    public string RtpBindAddress { get; set; } = "127.0.0.1";

    /// <summary>Host the region hands to tenants as <c>media.rtp.host</c>.</summary>
    public string AdvertisedRtpHost { get; set; } = "127.0.0.1";

    /// <summary>
    /// Where <see cref="AdvertisedRtpHost"/> comes from instead: empty (the value itself) or <c>azure-imds</c>
    /// (the node's public IP, read at start from the Azure instance metadata service; no answer, no registration).
    /// </summary>
    public string? AdvertisedRtpHostSource { get; set; }

    /// <summary>Base URL of the Azure instance metadata service (tests point it at a local server).</summary>
    public string ImdsBaseUrl { get; set; } = Addressing.AzureImdsPublicIp.DefaultBaseUrl;

    /// <summary>First UDP port of the range the region may assign on this worker (inclusive).</summary>
    public int RtpPortStart { get; set; } = 40000;

    /// <summary>
    /// Where the worker listens for rtpengine's ng control protocol (UDP <c>address:port</c>), for a SIP
    /// proxy such as Kamailio; empty = off. A cluster-internal address: never the public media address.
    /// </summary>
    public string? NgListenAddress { get; set; }

    /// <summary>Last UDP port of the range (inclusive).</summary>
    public int RtpPortEnd { get; set; } = 44999;

    /// <summary>Base URL of this worker's WebSocket endpoint, e.g. <c>ws://127.0.0.1:5144</c>; derived from the server's address when empty.</summary>
    public string? WebSocketBaseUrl { get; set; }

    /// <summary>Most concurrent media streams (RTP and WebSocket together); the capacity the directory sees.</summary>
    public int MaxStreams { get; set; } = 2500;

    /// <summary>Largest RTP datagram accepted; anything larger is dropped and counted.</summary>
    public int MaxPacketBytes { get; set; } = 1500;

    /// <summary>Largest WebSocket text message accepted; larger closes the stream (1009).</summary>
    public int MaxWebSocketMessageBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// For a call that names no exact source (address and port): how long after the call starts its
    /// source may be learned from the first packet. Later, only a source that continues the stream
    /// (same SSRC, next sequence numbers) is taken; anything else is dropped and counted.
    /// </summary>
    public TimeSpan SourceLearningWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A packet processed more than this after it was received is counted late.</summary>
    public double LateThresholdMs { get; set; } = 20;

    /// <summary>How often the worker heartbeats to the directory and refreshes its call assignments.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a stopping worker keeps carrying its calls (no new ones come to it) before it cuts
    /// those still open. The host's shutdown timeout is this plus a margin; the chart's
    /// terminationGracePeriodSeconds must be at least that.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How long one key-press delivery to the CallGrain may take before it counts as lost.</summary>
    public TimeSpan DigitDeliveryTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// CIDR blocks the worker itself accepts as destinations, on top of the region's per-tenant approval.
    /// Empty = nothing is allowed (closed): the chart passes its egress list here, the local stack loopback.
    /// </summary>
    public List<string> AllowedDestinationNetworks { get; set; } = [];

    /// <summary>Most packets per second one call's source may send (audio and events together); more are dropped and counted.</summary>
    public int MaxPacketsPerSecondPerCall { get; set; } = 200;

    /// <summary>Key presses queued for delivery to one call's CallGrain; more are counted lost (the audio stays masked).</summary>
    public int MaxQueuedKeyPresses { get; set; } = 64;
}
