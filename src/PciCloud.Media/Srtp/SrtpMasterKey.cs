using System.Security.Cryptography;

namespace PciCloud.Media.Srtp;

/// <summary>
/// An SRTP master key and salt with its suite and lifetime: a secret. It never prints its bytes
/// (<see cref="ToString"/> is redacted, and it is a class, not a record, so nothing generates a
/// printer for it), and <see cref="Dispose"/> zeroes them.
/// </summary>
public sealed class SrtpMasterKey : IDisposable
{
    /// <summary>The longest lifetime RFC 3711 allows: 2^48 packets.</summary>
    public const long MaxLifetime = 1L << 48;

    private readonly byte[] _key = new byte[SrtpSuites.MasterKeyLength];
    private readonly byte[] _salt = new byte[SrtpSuites.MasterSaltLength];

    /// <param name="suite">The crypto suite.</param>
    /// <param name="keyAndSalt">The 16-byte master key followed by the 14-byte master salt (the SDES inline layout).</param>
    /// <param name="lifetime">Packets the key may protect or accept; at most <see cref="MaxLifetime"/>.</param>
    public SrtpMasterKey(SrtpSuite suite, ReadOnlySpan<byte> keyAndSalt, long lifetime = MaxLifetime)
    {
        _ = SrtpSuites.TagLength(suite); // validates the suite
        if (keyAndSalt.Length != SrtpSuites.MasterKeyLength + SrtpSuites.MasterSaltLength)
        {
            throw new ArgumentException("An SRTP master key and salt are 30 bytes together.", nameof(keyAndSalt));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxLifetime);
        Suite = suite;
        Lifetime = lifetime;
        keyAndSalt[..SrtpSuites.MasterKeyLength].CopyTo(_key);
        keyAndSalt[SrtpSuites.MasterKeyLength..].CopyTo(_salt);
    }

    public SrtpSuite Suite { get; }

    /// <summary>Packets this key may protect or accept (RFC 4568's key lifetime).</summary>
    public long Lifetime { get; }

    internal ReadOnlySpan<byte> Key => _key;

    internal ReadOnlySpan<byte> Salt => _salt;

    /// <summary>A fresh random master key and salt (for a leg we key ourselves, and for tests).</summary>
    public static SrtpMasterKey Generate(SrtpSuite suite)
    {
        Span<byte> bytes = stackalloc byte[SrtpSuites.MasterKeyLength + SrtpSuites.MasterSaltLength];
        RandomNumberGenerator.Fill(bytes);
        var key = new SrtpMasterKey(suite, bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return key;
    }

    /// <summary>Writes key || salt (30 bytes) into <paramref name="destination"/>, for SDES formatting.</summary>
    internal void CopyKeyAndSalt(Span<byte> destination)
    {
        _key.CopyTo(destination);
        _salt.CopyTo(destination[SrtpSuites.MasterKeyLength..]);
    }

    /// <summary>The suite only: key bytes never reach a log line, an exception or a debugger summary.</summary>
    public override string ToString() => $"{SrtpSuites.Name(Suite)} (key redacted)";

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(_salt);
    }
}
