namespace PciCloud.MaskingWorker.Rtp;

/// <summary>What the relay does with one datagram after <see cref="RtpStreamProcessor.Process"/>.</summary>
public enum RtpOutcome
{
    /// <summary>Not RTP of this call at all (malformed, too large, foreign payload type): dropped, the source is not learned from it.</summary>
    Rejected,

    /// <summary>Valid RTP of this call, nothing to send (telephone event consumed, duplicate, reordered).</summary>
    Consumed,

    /// <summary>A masked audio packet is ready to send.</summary>
    Forward,
}
