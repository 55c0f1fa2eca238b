using System.Globalization;
using System.Security.Cryptography;

namespace PciCloud.Media.Srtp;

/// <summary>
/// One SDES <c>a=crypto</c> attribute (RFC 4568 section 9.2) for the suites of <see cref="SrtpSuite"/>:
/// <c>tag suite inline:base64(key||salt)[|lifetime]</c>. Parsing is strict and every input is hostile:
/// MKIs, several keys, session parameters and unknown suites are refused with a message that names the
/// rule broken and never quotes the key. <see cref="ToString"/> is redacted.
/// </summary>
public sealed class SdesCrypto
{
    /// <summary>Longer inputs are refused before anything is read.</summary>
    public const int MaxLength = 512;

    private const string AttributePrefix = "a=crypto:";

    public SdesCrypto(int tag, SrtpMasterKey key)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tag, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tag, 999_999_999);
        ArgumentNullException.ThrowIfNull(key);
        Tag = tag;
        Key = key;
    }

    /// <summary>The attribute's tag (1 to 9 digits), which the answer echoes.</summary>
    public int Tag { get; }

    public SrtpMasterKey Key { get; }

    /// <summary>
    /// Parses the value of an <c>a=crypto</c> attribute, with or without the <c>a=crypto:</c> prefix:
    /// <c>1 AES_CM_128_HMAC_SHA1_80 inline:...</c>.
    /// </summary>
    public static bool TryParse(string? text, out SdesCrypto? crypto, out string? error)
    {
        crypto = null;
        if (!TryBound(text, out var value, out error))
        {
            return false;
        }

        if (value.StartsWith(AttributePrefix, StringComparison.Ordinal))
        {
            value = value[AttributePrefix.Length..];
        }

        var space = value.IndexOf(' ');
        var tagText = space < 0 ? value : value[..space];
        if (space < 0 || tagText.Length is 0 or > 9 || tagText.ContainsAnyExcept(SdesKeyParser.Digits))
        {
            error = "the attribute must start with a tag of 1 to 9 decimal digits, then one space and the crypto suite";
            return false;
        }

        if (!SdesKeyParser.TryParse(value[(space + 1)..], out var key, out error))
        {
            return false;
        }

        crypto = new SdesCrypto(int.Parse(tagText, NumberStyles.None, CultureInfo.InvariantCulture), key!);
        return true;
    }

    /// <summary>
    /// Parses the tagless form a call registration uses: <c>AES_CM_128_HMAC_SHA1_80 inline:...</c>.
    /// </summary>
    public static bool TryParseKey(string? text, out SrtpMasterKey? key, out string? error)
    {
        key = null;
        return TryBound(text, out var value, out error) && SdesKeyParser.TryParse(value, out key, out error);
    }

    /// <summary>
    /// The attribute value with the key in clear, for an SDP body or a peer configuration only:
    /// <c>tag suite inline:key||salt[|2^n]</c>. Deliberately not <see cref="ToString"/>.
    /// </summary>
    public string FormatWithKey()
    {
        Span<byte> keyAndSalt = stackalloc byte[SrtpSuites.MasterKeyLength + SrtpSuites.MasterSaltLength];
        Key.CopyKeyAndSalt(keyAndSalt);
        var inline = Convert.ToBase64String(keyAndSalt);
        CryptographicOperations.ZeroMemory(keyAndSalt);
        var lifetime = Key.Lifetime == SrtpMasterKey.MaxLifetime ? string.Empty
            : long.IsPow2(Key.Lifetime) ? $"|2^{long.Log2(Key.Lifetime)}"
            : string.Create(CultureInfo.InvariantCulture, $"|{Key.Lifetime}");
        return string.Create(CultureInfo.InvariantCulture, $"{Tag} {SrtpSuites.Name(Key.Suite)} inline:{inline}{lifetime}");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tag} {SrtpSuites.Name(Key.Suite)} inline:(redacted)");

    private static bool TryBound(string? text, out ReadOnlySpan<char> value, out string? error)
    {
        value = text;
        if (string.IsNullOrEmpty(text))
        {
            error = "the crypto attribute is empty";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"the crypto attribute is longer than {MaxLength} characters";
            return false;
        }

        value = text.AsSpan().Trim(' ');
        error = null;
        return true;
    }
}
