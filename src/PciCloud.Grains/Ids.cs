using System.Security.Cryptography;
using System.Text;

namespace PciCloud.Grains;

/// <summary>Opaque prefixed ids (API.md): "call_", "ps_", "pay_", ... followed by 24 base-32 characters.</summary>
public static class Ids
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New(string prefix)
    {
        Span<byte> bytes = stackalloc byte[24];
        RandomNumberGenerator.Fill(bytes);
        return Format(prefix, bytes);
    }

    /// <summary>
    /// The same id for the same seed (e.g. schedule + period, or tenant + Idempotency-Key): a retried
    /// request finds the object the first attempt created instead of making another.
    /// </summary>
    public static string Derive(string prefix, string seed) =>
        Format(prefix, SHA256.HashData(Encoding.UTF8.GetBytes($"{prefix}|{seed}")).AsSpan(0, 24));

    private static string Format(string prefix, ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[24];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return string.Concat(prefix, "_", chars);
    }
}
