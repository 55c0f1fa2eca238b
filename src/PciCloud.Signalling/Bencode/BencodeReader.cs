using System.Text;

namespace PciCloud.Signalling.Bencode;

/// <summary>
/// Reads one bencode value that must fill the whole input. Hostile input is the normal case: every
/// length is checked against what is left before anything is allocated, nesting and item counts are
/// bounded, integers follow the spec (no leading zeros, no "-0") and fit a long. Never throws on bad
/// input: it answers false with a reason.
/// </summary>
public static class BencodeReader
{
    public const int MaxDepth = 16;

    /// <summary>Most values (strings, integers, lists, dictionaries) in one message.</summary>
    public const int MaxValues = 4096;

    public static bool TryRead(ReadOnlySpan<byte> input, out object? value, out string? error)
    {
        var state = new State();
        value = null;
        error = null;
        var position = 0;
        var ok = TryValue(input, ref position, 0, ref state, out value, out error);
        if (ok && position != input.Length)
        {
            error = $"trailing data at offset {position}";
            value = null;
            return false;
        }

        return ok;
    }

    private struct State
    {
        public int Values;
    }

    private static bool TryValue(ReadOnlySpan<byte> input, ref int position, int depth, ref State state, out object? value, out string? error)
    {
        value = null;
        if (position >= input.Length)
        {
            error = "truncated message";
            return false;
        }

        if (++state.Values > MaxValues)
        {
            error = "too many values";
            return false;
        }

        var first = input[position];
        if (first is (byte)'d' or (byte)'l' && depth >= MaxDepth)
        {
            error = "nested too deeply";
            return false;
        }

        switch (first)
        {
            case (byte)'i':
                position++;
                var ok = TryInteger(input, ref position, (byte)'e', out var number, out error);
                value = ok ? number : null;
                return ok;
            case (byte)'l':
                return TryList(input, ref position, depth, ref state, out value, out error);
            case (byte)'d':
                return TryDictionary(input, ref position, depth, ref state, out value, out error);
            case >= (byte)'0' and <= (byte)'9':
                var read = TryString(input, ref position, out var bytes, out error);
                value = bytes;
                return read;
            default:
                error = $"unexpected byte 0x{first:x2} at offset {position}";
                return false;
        }
    }

    private static bool TryList(ReadOnlySpan<byte> input, ref int position, int depth, ref State state, out object? value, out string? error)
    {
        position++;
        var items = new List<object>();
        value = null;
        while (position < input.Length && input[position] != (byte)'e')
        {
            if (!TryValue(input, ref position, depth + 1, ref state, out var item, out error))
            {
                return false;
            }

            items.Add(item!);
        }

        return Close(input, ref position, items, out value, out error);
    }

    private static bool TryDictionary(ReadOnlySpan<byte> input, ref int position, int depth, ref State state, out object? value, out string? error)
    {
        position++;
        var dictionary = new BencodeDictionary();
        value = null;
        while (position < input.Length && input[position] != (byte)'e')
        {
            if (input[position] is < (byte)'0' or > (byte)'9')
            {
                error = $"dictionary key is not a string at offset {position}";
                return false;
            }

            if (!TryString(input, ref position, out var key, out error)
                || !TryValue(input, ref position, depth + 1, ref state, out var item, out error))
            {
                return false;
            }

            dictionary.Set(Encoding.UTF8.GetString(key!), item!);
        }

        return Close(input, ref position, dictionary, out value, out error);
    }

    private static bool Close(ReadOnlySpan<byte> input, ref int position, object collection, out object? value, out string? error)
    {
        value = null;
        if (position >= input.Length)
        {
            error = "truncated message";
            return false;
        }

        position++; // the 'e'
        value = collection;
        error = null;
        return true;
    }

    private static bool TryString(ReadOnlySpan<byte> input, ref int position, out byte[]? bytes, out string? error)
    {
        bytes = null;
        if (!TryInteger(input, ref position, (byte)':', out var length, out error))
        {
            return false;
        }

        if (length < 0 || length > input.Length - position)
        {
            error = $"string length {length} exceeds the {input.Length - position} bytes left";
            return false;
        }

        bytes = input.Slice(position, (int)length).ToArray();
        position += (int)length;
        return true;
    }

    private static bool TryInteger(ReadOnlySpan<byte> input, ref int position, byte terminator, out long value, out string? error)
    {
        value = 0;
        // A sign and 18 digits at most: look no further, so a long run of digits costs nothing.
        var window = input.Slice(position, Math.Min(20, input.Length - position));
        var end = window.IndexOf(terminator);
        if (end < 0)
        {
            error = window.Length < 20 ? "truncated message" : $"invalid number at offset {position}";
            return false;
        }

        var digits = input.Slice(position, end);
        var negative = terminator == (byte)'e' && digits.Length > 0 && digits[0] == (byte)'-';
        var body = negative ? digits[1..] : digits;
        if (body.Length is 0 or > 18 || (body.Length > 1 && body[0] == (byte)'0') || (negative && body[0] == (byte)'0'))
        {
            error = $"invalid number at offset {position}";
            return false;
        }

        foreach (var d in body)
        {
            if (d is < (byte)'0' or > (byte)'9')
            {
                error = $"invalid number at offset {position}";
                return false;
            }

            value = (value * 10) + (d - '0');
        }

        value = negative ? -value : value;
        position += end + 1;
        error = null;
        return true;
    }
}
