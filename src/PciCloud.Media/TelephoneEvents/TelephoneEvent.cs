using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace PciCloud.Media.TelephoneEvents;

/// <summary>
/// One RFC 4733 section 2.3 event block: event code, end (E) bit, volume (0 to -63 dBm0, stored
/// as 0-63) and duration in RTP timestamp units. The R bit is ignored on receipt and sent as 0.
/// Its <see cref="ToString"/> never shows the event code: a key is card data.
/// </summary>
public readonly struct TelephoneEvent : IEquatable<TelephoneEvent>
{
    /// <summary>The size of one event block.</summary>
    public const int Length = 4;

    /// <summary>The largest volume value (-63 dBm0).</summary>
    public const byte MaxVolume = 63;

    public TelephoneEvent(byte eventCode, bool isEnd, byte volume, ushort duration)
    {
        if (volume > MaxVolume)
        {
            ThrowVolume();
        }

        EventCode = eventCode;
        IsEnd = isEnd;
        Volume = volume;
        Duration = duration;
    }

    public byte EventCode { get; }

    public bool IsEnd { get; }

    /// <summary>Power level as a positive number: 10 means -10 dBm0.</summary>
    public byte Volume { get; }

    /// <summary>Duration so far, in RTP timestamp units from the event's RTP timestamp.</summary>
    public ushort Duration { get; }

    /// <summary>Reads the first event block of an RTP payload. The payload must be whole 4-byte blocks.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent result, out TelephoneEventParseError error)
    {
        if (payload.Length < Length)
        {
            return Reject(TelephoneEventParseError.TooShort, out result, out error);
        }

        if (payload.Length % Length != 0)
        {
            return Reject(TelephoneEventParseError.BadLength, out result, out error);
        }

        result = Read(payload);
        error = TelephoneEventParseError.None;
        return true;
    }

    /// <summary>Writes this event as one 4-byte block; false when <paramref name="destination"/> is too short.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            return false;
        }

        destination[0] = EventCode;
        destination[1] = (byte)((IsEnd ? 0x80 : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return true;
    }

    public bool Equals(TelephoneEvent other) =>
        EventCode == other.EventCode && IsEnd == other.IsEnd && Volume == other.Volume && Duration == other.Duration;

    public override bool Equals(object? obj) => obj is TelephoneEvent other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(EventCode, IsEnd, Volume, Duration);

    /// <summary>Shows everything but the event code.</summary>
    public override string ToString() => $"TelephoneEvent(end: {IsEnd}, volume: -{Volume} dBm0, duration: {Duration})";

    public static bool operator ==(TelephoneEvent left, TelephoneEvent right) => left.Equals(right);

    public static bool operator !=(TelephoneEvent left, TelephoneEvent right) => !left.Equals(right);

    private static TelephoneEvent Read(ReadOnlySpan<byte> block) =>
        new(block[0], (block[1] & 0x80) != 0, (byte)(block[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(block[2..]));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Reject(TelephoneEventParseError reason, out TelephoneEvent result, out TelephoneEventParseError error)
    {
        result = default;
        error = reason;
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowVolume() =>
        throw new ArgumentOutOfRangeException("volume", "The volume is 0 to 63 (0 to -63 dBm0).");
}
