using System.Security.Cryptography;

namespace PciCloud.Media.Srtp;

public sealed partial class SrtpContext
{
    /// <summary>
    /// Encrypts the RTP packet in <paramref name="buffer"/>[..<paramref name="length"/>] in place and
    /// appends the tag, so <paramref name="buffer"/> needs <see cref="TagLength"/> spare bytes. Refuses
    /// to protect a packet index it already protected (two packets under one keystream would leak
    /// their XOR), as libsrtp does.
    /// </summary>
    public bool TryProtect(Span<byte> buffer, int length, out int protectedLength, out SrtpError error)
    {
        protectedLength = 0;
        if ((uint)length > (uint)buffer.Length)
        {
            return Fail(SrtpError.Malformed, out error);
        }

        var header = SrtpHeader.TryGetLength(buffer[..length], out var headerLength);
        if (header != SrtpError.None)
        {
            return Fail(header, out error);
        }

        if (buffer.Length - length < TagLength)
        {
            return Fail(SrtpError.BufferTooSmall, out error);
        }

        var ssrc = SrtpHeader.Ssrc(buffer);
        var sequence = SrtpHeader.Sequence(buffer);
        var slot = FindSource(ssrc);
        var window = slot >= 0 ? _sources[slot] : SrtpReplayWindow.Start(ssrc, sequence);
        var index = window.EstimateIndex(sequence);
        var refusal = Admit(slot, window, index);
        if (refusal != SrtpError.None)
        {
            return Fail(refusal, out error);
        }

        Span<byte> iv = stackalloc byte[AesCounterMode.BlockLength];
        WriteIv(iv, ssrc, index);
        _cipher.Apply(iv, buffer[headerLength..length]);

        Span<byte> mac = stackalloc byte[SHA1.HashSizeInBytes];
        ComputeMac(buffer[..length], index, mac);
        mac[..TagLength].CopyTo(buffer[length..]);
        Remember(slot, window, index);
        protectedLength = length + TagLength;
        error = SrtpError.None;
        return true;
    }

    /// <summary>
    /// Authenticates and decrypts the SRTP packet <paramref name="packet"/> in place. On success the
    /// RTP packet is <paramref name="packet"/>[..<paramref name="length"/>] (the tag removed); on
    /// failure the packet is left as it came and nothing in the context changed.
    /// </summary>
    public bool TryUnprotect(Span<byte> packet, out int length, out SrtpError error)
    {
        length = 0;
        if (packet.Length < SrtpHeader.FixedLength + TagLength)
        {
            return Fail(SrtpError.Malformed, out error);
        }

        var authenticatedLength = packet.Length - TagLength;
        var header = SrtpHeader.TryGetLength(packet[..authenticatedLength], out var headerLength);
        if (header != SrtpError.None)
        {
            return Fail(header, out error);
        }

        var ssrc = SrtpHeader.Ssrc(packet);
        var sequence = SrtpHeader.Sequence(packet);
        var slot = FindSource(ssrc);
        var window = slot >= 0 ? _sources[slot] : SrtpReplayWindow.Start(ssrc, sequence);
        var index = window.EstimateIndex(sequence);
        var refusal = Admit(slot, window, index);
        if (refusal != SrtpError.None)
        {
            return Fail(refusal, out error);
        }

        Span<byte> mac = stackalloc byte[SHA1.HashSizeInBytes];
        ComputeMac(packet[..authenticatedLength], index, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..TagLength], packet[authenticatedLength..]))
        {
            return Fail(SrtpError.AuthenticationFailed, out error);
        }

        Span<byte> iv = stackalloc byte[AesCounterMode.BlockLength];
        WriteIv(iv, ssrc, index);
        _cipher.Apply(iv, packet[headerLength..authenticatedLength]);
        Remember(slot, window, index);
        length = authenticatedLength;
        error = SrtpError.None;
        return true;
    }

    /// <summary>Whether a packet of this source and index may be processed at all (before any crypto).</summary>
    private SrtpError Admit(int slot, in SrtpReplayWindow window, long index)
    {
        if (_packetsLeft <= 0)
        {
            return SrtpError.KeyExpired;
        }

        if (slot < 0 && _sourceCount == MaxSources)
        {
            return SrtpError.TooManySources;
        }

        return window.Check(index);
    }

    /// <summary>Commits an accepted packet: a new source takes a slot only once its packet authenticated.</summary>
    private void Remember(int slot, SrtpReplayWindow window, long index)
    {
        window.Accept(index);
        if (slot < 0)
        {
            slot = _sourceCount++;
        }

        _sources[slot] = window;
        _packetsLeft--;
    }
}
