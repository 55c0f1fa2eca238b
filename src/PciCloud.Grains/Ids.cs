using System.Security.Cryptography;

namespace PciCloud.Grains;

/// <summary>Opaque prefixed ids (API.md): "call_", "ps_", "pay_", ... followed by 24 random base-32 characters.</summary>
public static class Ids
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New(string prefix)
    {
        Span<byte> bytes = stackalloc byte[24];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[24];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return string.Concat(prefix, "_", chars);
    }
}
