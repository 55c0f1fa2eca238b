using System.Buffers.Binary;
using PciCloud.Media.Codecs;

namespace PciCloud.Media.Wav;

/// <summary>
/// Streaming writer for 8 kHz mono WAV (PCM16, mu-law or A-law) whose length is known up front.
/// Writes to a temporary file beside the target and moves it into place on <see cref="Complete"/>, so a
/// failed run leaves no partial output file.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[8192];
    private readonly long _samples;
    private long _written;
    private bool _completed;

    public WavWriter(string path, WavEncoding encoding, long samples)
    {
        _path = Path.GetFullPath(path);
        _temporaryPath = _path + ".partial-" + Environment.ProcessId;
        _samples = samples;
        Encoding = encoding;
        _stream = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None);
        WavHeader.Write(_stream, encoding, samples);
    }

    public WavEncoding Encoding { get; }

    /// <summary>Writes PCM samples, encoding them to the file's encoding.</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            var bytesPerSample = Encoding == WavEncoding.Pcm16 ? 2 : 1;
            var count = Math.Min(samples.Length, _buffer.Length / bytesPerSample);
            var chunk = samples[..count];
            var bytes = _buffer.AsSpan(0, count * bytesPerSample);
            switch (Encoding)
            {
                case WavEncoding.MuLaw:
                    MuLaw.Encode(chunk, bytes);
                    break;
                case WavEncoding.ALaw:
                    ALaw.Encode(chunk, bytes);
                    break;
                default:
                    for (var i = 0; i < count; i++)
                    {
                        BinaryPrimitives.WriteInt16LittleEndian(bytes[(2 * i)..], chunk[i]);
                    }

                    break;
            }

            WriteBytes(bytes, count);
            samples = samples[count..];
        }
    }

    /// <summary>Writes G.711 codes as they are (mu-law or A-law files only).</summary>
    public void WriteCodes(ReadOnlySpan<byte> codes)
    {
        if (Encoding == WavEncoding.Pcm16)
        {
            throw new InvalidOperationException("The file holds PCM16, not G.711 codes.");
        }

        WriteBytes(codes, codes.Length);
    }

    /// <summary>Finishes the file and moves it to the target path.</summary>
    public void Complete()
    {
        if (_written != _samples)
        {
            throw new InvalidOperationException($"Wrote {_written} samples, the header says {_samples}.");
        }

        if ((_written * (Encoding == WavEncoding.Pcm16 ? 2 : 1) & 1) == 1)
        {
            _stream.WriteByte(0);
        }

        _stream.Dispose();
        File.Move(_temporaryPath, _path, overwrite: true);
        _completed = true;
    }

    /// <summary>Without <see cref="Complete"/>, deletes the temporary file: no partial output.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        if (!_completed)
        {
            File.Delete(_temporaryPath);
        }
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes, int samples)
    {
        if (_written + samples > _samples)
        {
            throw new InvalidOperationException("More samples than the header announced.");
        }

        _stream.Write(bytes);
        _written += samples;
    }
}
