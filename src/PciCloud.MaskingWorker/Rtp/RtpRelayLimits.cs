namespace PciCloud.MaskingWorker.Rtp;

/// <summary>The bounds every RTP relay of a worker works within (from <see cref="Hosting.MaskingWorkerOptions"/>).</summary>
public sealed record RtpRelayLimits(int MaxPacketBytes, double LateThresholdMs, TimeSpan SourceLearningWindow, int MaxPacketsPerSecond = 200);
