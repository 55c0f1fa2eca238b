namespace PciCloud.MaskingWorker.Directory;

/// <summary>What a worker tells its region's directory about itself.</summary>
public sealed record WorkerAnnouncement(
    string WorkerId, string RtpHost, int RtpPortMin, int RtpPortMax, string WebSocketBaseUrl, int Capacity);
