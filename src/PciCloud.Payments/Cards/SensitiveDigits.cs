using System.Diagnostics;
using System.Text.Json.Serialization;

namespace PciCloud.Payments.Cards;

/// <summary>
/// The digits of one card-data field (card number, expiry or security code), in a fixed buffer
/// that <see cref="Wipe"/> zeroes. It cannot leak by accident: <see cref="ToString"/> and the
/// debugger show only the length, System.Text.Json refuses it, and it carries no Orleans
/// serializer (Payments does not reference Orleans, and the Grains project registers nothing for
/// it, so Orleans refuses it too). The one way out is <see cref="RevealForGateway"/>.
/// </summary>
[JsonConverter(typeof(RefuseSerializationConverter<SensitiveDigits>))]
[DebuggerDisplay("{ToString(),nq}")]
[DebuggerTypeProxy(typeof(RedactedProxy))]
public sealed class SensitiveDigits : IDisposable
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly char[] _buffer;
    private int _length;

    public SensitiveDigits(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _buffer = new char[capacity];
    }

    /// <summary>Copies <paramref name="digits"/> (ASCII digits only) into a new buffer.</summary>
    public static SensitiveDigits FromDigits(ReadOnlySpan<char> digits, int capacity)
    {
        var result = new SensitiveDigits(Math.Max(capacity, Math.Max(1, digits.Length)));
        foreach (var c in digits)
        {
            if (!result.TryAppend(c))
            {
                result.Wipe();
                throw new ArgumentException("Only ASCII digits are allowed.", nameof(digits));
            }
        }

        return result;
    }

    public int Length => _length;

    public int Capacity => _buffer.Length;

    public bool IsEmpty => _length == 0;

    public bool IsFull => _length == _buffer.Length;

    /// <summary>
    /// THE one place raw digits leave this type, for a gateway connector building its outgoing
    /// request and nothing else. The string is short-lived: use it for that request only, never
    /// log, store or return it. Throws when the digits were already wiped.
    /// </summary>
    public string RevealForGateway()
    {
        if (_length == 0)
        {
            throw new InvalidOperationException("The card data was wiped or never captured.");
        }

        return new string(_buffer, 0, _length);
    }

    /// <summary>Zeroes the whole buffer; the length becomes 0.</summary>
    public void Wipe()
    {
        Array.Clear(_buffer);
        _length = 0;
    }

    public void Dispose() => Wipe();

    public override string ToString() => $"SensitiveDigits(length={_length}, redacted)";

    internal bool TryAppend(char digit)
    {
        if (!char.IsAsciiDigit(digit) || _length == _buffer.Length)
        {
            return false;
        }

        _buffer[_length++] = digit;
        return true;
    }

    /// <summary>The digits, for validation inside this library only.</summary>
    internal ReadOnlySpan<char> Span => _buffer.AsSpan(0, _length);

    /// <summary>True when every char of the buffer is zero (what tests check after a wipe).</summary>
    internal bool IsZeroed => _length == 0 && Array.TrueForAll(_buffer, c => c == '\0');

    private sealed class RedactedProxy(SensitiveDigits digits)
    {
        public int Length => digits.Length;

        public string Value => "redacted";
    }
}
