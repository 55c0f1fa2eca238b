using System.Net;
using System.Net.Sockets;

namespace PciCloud.MaskingWorker.Rtp;

/// <summary>
/// Which source a call's RTP is taken from. With the expected address and port known from the start
/// (the call names them, or the SDP does), only that source is ever taken. Otherwise the source is
/// learned, within bounds (RFC 3550 section 8.2 on address changes): only during a short window after
/// the call starts (and only from the expected address when one is given without a port); after that
/// a new source is taken only if it continues the stream — the same SSRC and a sequence number just
/// after the last one — which an off-path sender cannot know. Not thread-safe: one receive loop owns it.
/// </summary>
public sealed class RtpSourceGuard
{
    /// <summary>How far ahead of the last sequence number a moved source's first packet may be.</summary>
    public const int MaxContinuityGap = 64;

    private readonly SocketAddress? _expected;
    private readonly bool _portKnown;
    private readonly long _learnUntil;
    private SocketAddress? _source;
    private uint _lastSsrc;
    private ushort _lastSequence;

    /// <param name="expectFrom">The expected source; port 0 = address only; null = none given.</param>
    /// <param name="startedAt">The call's start, on the <see cref="System.Diagnostics.Stopwatch"/> clock.</param>
    /// <param name="learningWindowTicks">How long after the start a first source may be learned (Stopwatch ticks).</param>
    public RtpSourceGuard(IPEndPoint? expectFrom, long startedAt, long learningWindowTicks)
    {
        _expected = expectFrom?.Serialize();
        _portKnown = expectFrom is { Port: not 0 };
        _learnUntil = startedAt + learningWindowTicks;
    }

    /// <summary>True when the exact source (address and port) was known from the start: nothing is learned.</summary>
    public bool ExpectedSourceKnown => _portKnown;

    /// <summary>The source taken so far (null before the first accepted packet).</summary>
    public SocketAddress? Source => _source;

    /// <summary>Whether a packet from <paramref name="from"/> with this SSRC and sequence number may be processed.</summary>
    public bool Admits(SocketAddress from, uint ssrc, ushort sequence, long now)
    {
        if (_source is not null && _source.Equals(from))
        {
            return true;
        }

        if (_portKnown)
        {
            return _expected!.Equals(from);
        }

        if (_expected is not null && !SameHost(_expected, from))
        {
            return false;
        }

        return _source is null
            ? now <= _learnUntil
            : ssrc == _lastSsrc && (ushort)(sequence - _lastSequence) is > 0 and <= MaxContinuityGap;
    }

    /// <summary>
    /// Records a packet the call took (after <see cref="Admits"/> and a valid parse); true when it changed
    /// the source (learned or moved).
    /// </summary>
    public bool Accepted(SocketAddress from, uint ssrc, ushort sequence)
    {
        _lastSsrc = ssrc;
        _lastSequence = sequence;
        if (_source is not null && _source.Equals(from))
        {
            return false;
        }

        _source = Copy(from);
        return true;
    }

    /// <summary>Whether two socket addresses name the same host (ports aside).</summary>
    internal static bool SameHost(SocketAddress a, SocketAddress b)
    {
        if (a.Family != b.Family)
        {
            return false;
        }

        // sockaddr_in: family, port (2..4), address (4..8); sockaddr_in6: ..., flow info (4..8), address (8..24).
        var range = a.Family == AddressFamily.InterNetwork ? 4..8 : 8..24;
        return a.Buffer.Span[range].SequenceEqual(b.Buffer.Span[range]);
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
