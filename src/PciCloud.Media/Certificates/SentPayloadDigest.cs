using System.Security.Cryptography;

namespace PciCloud.Media.Certificates;

/// <summary>
/// A running SHA-256 of exactly the payload bytes sent on one leg, in the order they were sent, so a
/// party holding the raw recording of that leg can show it is the masked stream. Appending copies
/// nothing and allocates nothing; the hex digest is made only when asked. Not thread-safe.
/// </summary>
public sealed class SentPayloadDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Payload bytes hashed so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>Packets (or frames) hashed so far.</summary>
    public long Packets { get; private set; }

    public void Append(ReadOnlySpan<byte> payload)
    {
        _hash.AppendData(payload);
        Bytes += payload.Length;
        Packets++;
    }

    /// <summary>Lower-case hex SHA-256 of every byte appended so far (the hash goes on afterwards).</summary>
    public string CurrentSha256Hex()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        _hash.GetCurrentHash(digest);
        return Convert.ToHexStringLower(digest);
    }

    public void Dispose() => _hash.Dispose();
}
