namespace PciCloud.Media.Rtp;

/// <summary>What <see cref="RtpSequenceTracker.Update"/> concluded about one packet.</summary>
public enum RtpSequenceResult
{
    /// <summary>The next packet in order.</summary>
    InOrder,

    /// <summary>In order, but after a gap (see <see cref="RtpSequenceTracker.LastGap"/>): packets were lost or are late.</summary>
    AfterGap,

    /// <summary>Older than the highest sequence seen and not seen before: reordered in the network.</summary>
    Late,

    /// <summary>Seen before (within the misorder window).</summary>
    Duplicate,

    /// <summary>The source is not yet valid: fewer than MIN_SEQUENTIAL packets in sequence (RFC 3550 A.1).</summary>
    Probation,

    /// <summary>A jump too large to be a dropout; discarded unless the next packet follows it.</summary>
    BadJump,

    /// <summary>Two sequential packets after a large jump: the sender restarted, the tracker resynchronized on them.</summary>
    Resynchronized,

    /// <summary>A new SSRC: the tracker restarted (this packet begins probation, or is valid when MIN_SEQUENTIAL is 1).</summary>
    SourceChanged,
}
