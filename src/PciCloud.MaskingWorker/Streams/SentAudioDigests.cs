using PciCloud.MaskingWorker.Calls;
using PciCloud.Media.Certificates;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// One call's running digests of the masked payload bytes sent on each leg, updated on the send path
/// right after a send succeeded (so they cover exactly what left the worker, in order) and read as a
/// snapshot by the reporter. The lock is uncontended but for the rare snapshot; appending allocates nothing.
/// </summary>
public sealed class SentAudioDigests : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SentPayloadDigest?[] _digests = new SentPayloadDigest?[3];
    private readonly string?[] _destinations = new string?[3];
    private long _bytes;
    private IReadOnlyList<SentLegDigest>? _closed;

    /// <summary>Starts a digest for each leg the call has (a leg without a destination has none).</summary>
    public SentAudioDigests(CallMediaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Transport == MediaTransportKind.WebSocket)
        {
            Open(MediaLeg.WebSocket, null);
            return;
        }

        if (settings.ForwardTo is { } forward)
        {
            Open(MediaLeg.Forward, forward.ToString());
        }

        if (settings.RecordTo is { } record)
        {
            Open(MediaLeg.Record, record.ToString());
        }
    }

    /// <summary>Payload bytes sent on all legs so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary><paramref name="payload"/> (the audio, no RTP header or framing) was sent on <paramref name="leg"/>.</summary>
    public void Sent(MediaLeg leg, ReadOnlySpan<byte> payload)
    {
        lock (_lock)
        {
            if (_digests[(int)leg] is { } digest)
            {
                digest.Append(payload);
                _bytes += payload.Length;
            }
        }
    }

    public IReadOnlyList<SentLegDigest> Snapshot()
    {
        lock (_lock)
        {
            if (_closed is not null)
            {
                return _closed;
            }

            var legs = new List<SentLegDigest>(3);
            for (var i = 0; i < _digests.Length; i++)
            {
                if (_digests[i] is { } d)
                {
                    legs.Add(new SentLegDigest(LegName((MediaLeg)i), _destinations[i], d.Bytes, d.Packets, d.CurrentSha256Hex()));
                }
            }

            return legs;
        }
    }

    /// <summary>Frees the hashes; the last digests stay readable.</summary>
    public void Dispose()
    {
        var last = Snapshot();
        lock (_lock)
        {
            _closed = last;
            foreach (var d in _digests)
            {
                d?.Dispose();
            }

            Array.Clear(_digests);
        }
    }

    public static string LegName(MediaLeg leg) => leg switch
    {
        MediaLeg.Forward => "forward",
        MediaLeg.Record => "record",
        _ => "websocket",
    };

    private void Open(MediaLeg leg, string? destination)
    {
        _digests[(int)leg] = new SentPayloadDigest();
        _destinations[(int)leg] = destination;
    }
}
