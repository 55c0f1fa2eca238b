namespace PciCloud.Media.Srtp;

/// <summary>
/// One SSRC's packet index state: the rollover counter and highest sequence number (together the
/// highest 48-bit index accepted, RFC 3711 section 3.3.1) and a 128-packet replay window below it
/// (section 3.3.2). A mutable struct kept in an array, so it is updated in place.
/// </summary>
internal struct SrtpReplayWindow
{
    public const int Size = 128;

    /// <summary>RFC 3711 section 3.3.1: no more than 2^48 packets under one master key.</summary>
    public const long MaxIndex = (1L << 48) - 1;

    private long _highest;
    private UInt128 _seen; // bit k: index _highest - k was accepted

    public uint Ssrc { get; private set; }

    /// <summary>A window for <paramref name="ssrc"/> whose first packet has sequence number <paramref name="sequence"/> and ROC 0.</summary>
    public static SrtpReplayWindow Start(uint ssrc, ushort sequence) => new() { Ssrc = ssrc, _highest = sequence };

    /// <summary>
    /// The packet index a sequence number most likely belongs to (RFC 3711 appendix A): the ROC
    /// of the highest index, or one more or one less when the number is across a wrap from it.
    /// Negative when it lies before the stream's first packet.
    /// </summary>
    public readonly long EstimateIndex(ushort sequence)
    {
        var roc = _highest >> 16;
        var highestSequence = (int)(_highest & 0xFFFF);
        if (highestSequence < 0x8000)
        {
            roc -= sequence - highestSequence > 0x8000 ? 1 : 0;
        }
        else
        {
            roc += highestSequence - 0x8000 > sequence ? 1 : 0;
        }

        return (roc << 16) | sequence;
    }

    /// <summary>Whether <paramref name="index"/> may still be accepted; <see cref="SrtpError.None"/> when it may.</summary>
    public readonly SrtpError Check(long index)
    {
        if (index < 0)
        {
            return SrtpError.TooOld;
        }

        if (index > MaxIndex)
        {
            return SrtpError.KeyExpired;
        }

        var behind = _highest - index;
        if (behind < 0)
        {
            return SrtpError.None;
        }

        if (behind >= Size)
        {
            return SrtpError.TooOld;
        }

        return (_seen & (UInt128.One << (int)behind)) != UInt128.Zero ? SrtpError.Replayed : SrtpError.None;
    }

    /// <summary>Records <paramref name="index"/> as accepted; call only after <see cref="Check"/> passed (and, receiving, the tag).</summary>
    public void Accept(long index)
    {
        var ahead = index - _highest;
        if (ahead > 0)
        {
            _seen = ahead >= Size ? UInt128.One : (_seen << (int)ahead) | UInt128.One;
            _highest = index;
        }
        else
        {
            _seen |= UInt128.One << (int)-ahead;
        }
    }
}
