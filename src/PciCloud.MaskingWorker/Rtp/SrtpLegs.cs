using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.Media.Srtp;

namespace PciCloud.MaskingWorker.Rtp;

/// <summary>
/// The SRTP seam of a relay: unprotects the customer's packets before anything reads them and
/// protects the masked packets per destination after masking. A leg without a key passes through.
/// Failures are dropped and counted, never thrown. Owned by one relay loop (not thread-safe).
/// </summary>
internal sealed class SrtpLegs : IDisposable
{
    private readonly SrtpLegKeys? _keys;
    private readonly SrtpContext? _customer;
    private readonly SrtpContext? _forwardTo;
    private readonly SrtpContext? _recordTo;
    private readonly WorkerMetrics _metrics;
    private readonly byte[] _scratch;

    public SrtpLegs(SrtpLegKeys? keys, int maxPacketBytes, WorkerMetrics metrics)
    {
        _keys = keys;
        _customer = keys?.Customer is { } customer ? new SrtpContext(customer) : null;
        _forwardTo = keys?.ForwardTo is { } forward ? new SrtpContext(forward) : null;
        _recordTo = keys?.RecordTo is { } record ? new SrtpContext(record) : null;
        _metrics = metrics;
        _scratch = new byte[maxPacketBytes + SrtpSuites.MaxTagLength];
    }

    /// <summary>
    /// The plain RTP packet of <paramref name="datagram"/> (decrypted in place), or false when the
    /// customer's leg is SRTP and the packet did not authenticate or was a replay.
    /// </summary>
    public bool TryUnprotect(Span<byte> datagram, out int length)
    {
        if (_customer is null)
        {
            length = datagram.Length;
            return true;
        }

        if (_customer.TryUnprotect(datagram, out length, out var error))
        {
            return true;
        }

        _metrics.Drop(error == SrtpError.AuthenticationFailed ? DropReason.SrtpAuthenticationFailed : DropReason.SrtpRefused);
        return false;
    }

    /// <summary>The packet to send to forwardTo: protected into a scratch buffer when that leg is SRTP; empty when refused.</summary>
    public ReadOnlySpan<byte> ForForwardTo(ReadOnlySpan<byte> packet) => Protect(_forwardTo, packet);

    /// <summary>The packet to send to recordTo, as <see cref="ForForwardTo"/>.</summary>
    public ReadOnlySpan<byte> ForRecordTo(ReadOnlySpan<byte> packet) => Protect(_recordTo, packet);

    public void Dispose()
    {
        _customer?.Dispose();
        _forwardTo?.Dispose();
        _recordTo?.Dispose();

        // The relay is the keys' last user: zero the master keys too, not only the derived session keys.
        _keys?.Customer?.Dispose();
        _keys?.ForwardTo?.Dispose();
        _keys?.RecordTo?.Dispose();
    }

    private ReadOnlySpan<byte> Protect(SrtpContext? leg, ReadOnlySpan<byte> packet)
    {
        if (leg is null)
        {
            return packet;
        }

        // A copy: the same masked packet goes to the other destination under its own key (or in clear).
        packet.CopyTo(_scratch);
        if (leg.TryProtect(_scratch, packet.Length, out var length, out _))
        {
            return _scratch.AsSpan(0, length);
        }

        _metrics.Drop(DropReason.SrtpRefused);
        return default;
    }
}
