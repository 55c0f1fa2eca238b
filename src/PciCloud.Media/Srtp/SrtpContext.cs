using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace PciCloud.Media.Srtp;

/// <summary>
/// One direction of an SRTP stream under one master key (RFC 3711): protects packets we send or
/// unprotects packets we receive, in place, with no allocation per packet. Session keys are derived
/// once (key derivation rate 0); each SSRC keeps its own rollover counter and 128-packet replay
/// window, for up to <see cref="MaxSources"/> SSRCs. Failures are returned, never thrown, so the
/// caller drops the packet and counts the reason. Not thread-safe: one owner per direction.
/// </summary>
public sealed partial class SrtpContext : IDisposable
{
    /// <summary>SSRCs one context tracks; a further SSRC is refused rather than evicting an old
    /// one, which would forget its replay window and let its old packets be replayed.</summary>
    public const int MaxSources = 8;

    private const int SessionKeyLength = 16;
    private const int SessionAuthKeyLength = 20;
    private const int SessionSaltLength = 14;

    private readonly AesCounterMode _cipher;
    private readonly IncrementalHash _hmac;
    private readonly byte[] _sessionSalt = new byte[SessionSaltLength];
    private readonly SrtpReplayWindow[] _sources = new SrtpReplayWindow[MaxSources];
    private int _sourceCount;
    private long _packetsLeft;

    public SrtpContext(SrtpMasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        Suite = masterKey.Suite;
        TagLength = SrtpSuites.TagLength(Suite);
        _packetsLeft = masterKey.Lifetime;

        Span<byte> sessionKey = stackalloc byte[SessionKeyLength];
        Span<byte> authKey = stackalloc byte[SessionAuthKeyLength];
        using (var prf = new AesCounterMode(masterKey.Key))
        {
            SrtpKeyDerivation.Derive(prf, masterKey.Salt, SrtpKeyDerivation.RtpEncryptionLabel, sessionKey);
            SrtpKeyDerivation.Derive(prf, masterKey.Salt, SrtpKeyDerivation.RtpAuthenticationLabel, authKey);
            SrtpKeyDerivation.Derive(prf, masterKey.Salt, SrtpKeyDerivation.RtpSaltLabel, _sessionSalt);
        }

        _cipher = new AesCounterMode(sessionKey);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, authKey);
        CryptographicOperations.ZeroMemory(sessionKey);
        CryptographicOperations.ZeroMemory(authKey);
    }

    public SrtpSuite Suite { get; }

    /// <summary>Bytes of authentication tag appended to each packet: 10 (_80) or 4 (_32).</summary>
    public int TagLength { get; }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_sessionSalt);
        _cipher.Dispose();
        _hmac.Dispose();
    }

    /// <summary>The slot of <paramref name="ssrc"/> in <see cref="_sources"/>, or -1.</summary>
    private int FindSource(uint ssrc)
    {
        for (var i = 0; i < _sourceCount; i++)
        {
            if (_sources[i].Ssrc == ssrc)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>RFC 3711 section 4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16).</summary>
    private void WriteIv(Span<byte> iv, uint ssrc, long index)
    {
        iv.Clear();
        _sessionSalt.CopyTo(iv);
        BinaryPrimitives.WriteUInt32BigEndian(iv[4..], BinaryPrimitives.ReadUInt32BigEndian(iv[4..]) ^ ssrc);
        var low = BinaryPrimitives.ReadUInt64BigEndian(iv[8..]) ^ ((ulong)index << 16);
        BinaryPrimitives.WriteUInt64BigEndian(iv[8..], low);
    }

    /// <summary>
    /// The full HMAC-SHA1 of the authenticated portion followed by the ROC (RFC 3711 section 4.2),
    /// into <paramref name="mac"/> (20 bytes); the caller keeps the leftmost <see cref="TagLength"/> bytes.
    /// </summary>
    private void ComputeMac(ReadOnlySpan<byte> authenticated, long index, Span<byte> mac)
    {
        Span<byte> roc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(roc, (uint)(index >> 16));
        _hmac.AppendData(authenticated);
        _hmac.AppendData(roc);
        _hmac.GetHashAndReset(mac);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Fail(SrtpError reason, out SrtpError error)
    {
        error = reason;
        return false;
    }
}
