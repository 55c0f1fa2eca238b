using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace PciCloud.Media.Srtp;

/// <summary>
/// AES-128 in counter mode as SRTP uses it (RFC 3711 section 4.1.1): the keystream is
/// AES(key, IV + j) for block j, the block counter in the IV's last 16 bits. Built on one reused
/// ECB <see cref="ICryptoTransform"/> over preallocated counter and keystream buffers, so a packet
/// costs no allocation. Not thread-safe: one instance per direction of a stream.
/// </summary>
internal sealed class AesCounterMode : IDisposable
{
    public const int BlockLength = 16;

    // 1 KiB of keystream per AES call covers any audio packet in one call; bigger data loops.
    private const int ChunkBlocks = 64;

    private readonly Aes _aes;
    private readonly ICryptoTransform _ecb;
    private readonly byte[] _counters = new byte[ChunkBlocks * BlockLength];
    private readonly byte[] _keystream = new byte[ChunkBlocks * BlockLength];

    public AesCounterMode(ReadOnlySpan<byte> key)
    {
        _aes = Aes.Create();
        _aes.SetKey(key);
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        _ecb = _aes.CreateEncryptor();
    }

    /// <summary>
    /// XORs <paramref name="data"/> with the keystream that starts at <paramref name="iv"/> (16 bytes,
    /// its last two bytes zero: SRTP shifts the IV left by 16 bits to make room for the counter).
    /// Encrypting and decrypting are the same operation.
    /// </summary>
    public void Apply(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        var block = 0;
        while (!data.IsEmpty)
        {
            var blocks = Math.Min(ChunkBlocks, (data.Length + BlockLength - 1) / BlockLength);
            for (var i = 0; i < blocks; i++, block++)
            {
                var counter = _counters.AsSpan(i * BlockLength, BlockLength);
                iv.CopyTo(counter);
                BinaryPrimitives.WriteUInt16BigEndian(counter[14..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(iv[14..]) + block));
            }

            _ecb.TransformBlock(_counters, 0, blocks * BlockLength, _keystream, 0);
            var length = Math.Min(data.Length, blocks * BlockLength);
            Xor(data[..length], _keystream);
            data = data[length..];
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_keystream);
        _ecb.Dispose();
        _aes.Dispose();
    }

    private static void Xor(Span<byte> data, ReadOnlySpan<byte> keystream)
    {
        var i = 0;
        for (; i + Vector128<byte>.Count <= data.Length; i += Vector128<byte>.Count)
        {
            var mixed = Vector128.Create(data.Slice(i, Vector128<byte>.Count)) ^ Vector128.Create(keystream.Slice(i, Vector128<byte>.Count));
            mixed.CopyTo(data[i..]);
        }

        for (; i < data.Length; i++)
        {
            data[i] ^= keystream[i];
        }
    }
}
