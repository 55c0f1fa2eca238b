using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace PciCloud.Media.Srtp;

/// <summary>
/// Reads <c>suite inline:base64(key||salt)[|lifetime]</c>, the part of an RFC 4568 <c>a=crypto</c>
/// attribute after the tag. Messages name the rule broken and never quote the input (it holds a key).
/// </summary>
internal static class SdesKeyParser
{
    private const string InlinePrefix = "inline:";
    private const int KeySaltBytes = SrtpSuites.MasterKeyLength + SrtpSuites.MasterSaltLength;
    private const int KeySaltBase64Chars = KeySaltBytes / 3 * 4; // 30 bytes: 40 characters, no padding
    private static readonly SearchValues<char> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    internal static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static bool TryParse(ReadOnlySpan<char> value, out SrtpMasterKey? key, out string? error)
    {
        key = null;
        var space = value.IndexOf(' ');
        var suiteText = space < 0 ? value : value[..space];
        if (!SrtpSuites.TryParse(suiteText, out var suite))
        {
            return Fail("unsupported crypto suite: only AES_CM_128_HMAC_SHA1_80 and AES_CM_128_HMAC_SHA1_32 are accepted", out error);
        }

        if (space < 0)
        {
            return Fail("the key parameters are missing: expected 'inline:' and the base64 key and salt", out error);
        }

        var keyParams = value[(space + 1)..];
        if (keyParams.IndexOfAny(' ', '\t') >= 0)
        {
            return Fail("session parameters (KDR, UNENCRYPTED_SRTP, UNAUTHENTICATED_SRTP, FEC_ORDER, FEC_KEY, WSH) are not supported", out error);
        }

        if (keyParams.Contains(';'))
        {
            return Fail("only one key is supported: the key parameters hold several ';'-separated keys", out error);
        }

        if (!keyParams.StartsWith(InlinePrefix, StringComparison.Ordinal))
        {
            return Fail("the key method must be 'inline:'", out error);
        }

        var info = keyParams[InlinePrefix.Length..];
        var bar = info.IndexOf('|');
        var keySalt = bar < 0 ? info : info[..bar];
        var lifetime = SrtpMasterKey.MaxLifetime;
        if (bar >= 0 && !TryParseOptions(info[(bar + 1)..], out lifetime, out error))
        {
            return false;
        }

        if (keySalt.Length != KeySaltBase64Chars || keySalt.ContainsAnyExcept(Base64Alphabet))
        {
            return Fail($"the inline key must be {KeySaltBase64Chars} base64 characters: a {SrtpSuites.MasterKeyLength}-byte key and a {SrtpSuites.MasterSaltLength}-byte salt", out error);
        }

        Span<byte> bytes = stackalloc byte[KeySaltBytes];
        if (!Convert.TryFromBase64Chars(keySalt, bytes, out var written) || written != KeySaltBytes)
        {
            CryptographicOperations.ZeroMemory(bytes);
            return Fail("the inline key is not valid base64", out error);
        }

        key = new SrtpMasterKey(suite, bytes, lifetime);
        CryptographicOperations.ZeroMemory(bytes);
        error = null;
        return true;
    }

    /// <summary>What follows the key: an optional lifetime, then an optional MKI (refused).</summary>
    private static bool TryParseOptions(ReadOnlySpan<char> options, out long lifetime, out string? error)
    {
        lifetime = SrtpMasterKey.MaxLifetime;
        var bar = options.IndexOf('|');
        var first = bar < 0 ? options : options[..bar];
        if (bar >= 0 || first.Contains(':'))
        {
            // RFC 4568: the MKI is "value:length", after the lifetime if both are present.
            return Fail("MKI is not supported: give a single key without an MKI", out error);
        }

        var power = first.StartsWith("2^", StringComparison.Ordinal);
        var digits = power ? first[2..] : first;
        if (digits.Length is 0 or > 15 || digits.ContainsAnyExcept(Digits))
        {
            return Fail("the key lifetime must be decimal digits or 2^ and a power", out error);
        }

        var number = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (power ? number > 48 : number is < 1 or > SrtpMasterKey.MaxLifetime)
        {
            return Fail("the key lifetime must be between 1 and 2^48 packets", out error);
        }

        lifetime = power ? 1L << (int)number : number;
        error = null;
        return true;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
