using System.Security.Cryptography;

namespace PciCloud.Media.Srtp;

/// <summary>
/// The SRTP key derivation function (RFC 3711 section 4.3) with the AES-CM PRF (4.3.3) and a key
/// derivation rate of zero: session keys are derived once, from packet index 0, for the key's life.
/// </summary>
internal static class SrtpKeyDerivation
{
    public const byte RtpEncryptionLabel = 0x00;
    public const byte RtpAuthenticationLabel = 0x01;
    public const byte RtpSaltLabel = 0x02;

    /// <summary>Fills <paramref name="output"/> with the key material of <paramref name="label"/>.</summary>
    public static void Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        using var prf = new AesCounterMode(masterKey);
        Derive(prf, masterSalt, label, output);
    }

    public static void Derive(AesCounterMode prf, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        // x = key_id XOR master_salt, key_id = label || (index DIV kdr) = label || 0^48, right-aligned
        // in the 112-bit salt: the label lands on salt byte 7. The AES-CM input is x * 2^16.
        Span<byte> iv = stackalloc byte[AesCounterMode.BlockLength];
        iv.Clear();
        masterSalt.CopyTo(iv);
        iv[7] ^= label;
        output.Clear();
        prf.Apply(iv, output);
        CryptographicOperations.ZeroMemory(iv);
    }
}
