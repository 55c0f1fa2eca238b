using System.Diagnostics;
using System.Globalization;
using PciCloud.Media.Codecs;
using PciCloud.Media.Masking;
using PciCloud.Media.Wav;

namespace PciCloud.Media.Cli;

/// <summary>
/// <c>bench [--seconds N] [--streams K] [--path g711|pcm] FILE.wav</c>: the per-call media path measured the
/// way <c>spandsp_detect --bench</c> measures spandsp. The file is encoded to mu-law once; then, on one thread,
/// 20 ms mu-law frames go through decode, detection, masking and encode, for N seconds of audio in total, with
/// K streams (each its own masking channel, at its own place in the file) taking turns. The default path is
/// the one the masking worker runs: <c>ProcessFrame(bytes)</c> decodes internally and its output is the encoded
/// stream (original bytes where unmasked, the pre-encoded masking sound where masked). <c>--path pcm</c> does
/// an explicit mu-law decode, the PCM <c>ProcessFrame</c>, and an explicit mu-law encode of every sample.
/// Five timed runs after one warm-up; rates are per second of this process's CPU time.
/// </summary>
public static class BenchCommand
{
    private const int Frame = 160;
    private const int Runs = 5;

    public static int Run(CliArguments arguments, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.RequirePositional(1, "FILE.wav");
        var seconds = arguments.GetLong("--seconds", 36_000, 1, 10_000_000);
        var streams = (int)arguments.GetLong("--streams", 1, 1, 100_000);
        var pcmPath = arguments.GetString("--path", "g711", "g711", "pcm") == "pcm";
        var audio = LoadMuLaw(arguments.Positional[0]);
        var bench = new BenchLoop(audio, streams, pcmPath);
        var frames = seconds * 8000 / Frame;

        bench.Run(Math.Min(frames, Math.Max(50 * 60, 10L * streams))); // warm-up: JIT tiers settle and every stream has started before timing
        var rates = new double[Runs];
        for (var run = 0; run < Runs; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            bench.Run(frames);
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            rates[run] = frames * Frame / Math.Max(cpuSeconds, 1e-9);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {run + 1}: {rates[run]:F0} samples/s per core ({cpuSeconds:F2} s CPU, {wall.Elapsed.TotalSeconds:F2} s wall)"));
        }

        Array.Sort(rates);
        var median = (long)rates[Runs / 2];
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"median: {median} samples/s per core, {median / 8000} concurrent 8 kHz streams per core"));
        return CommandLine.Ok;
    }

    private static byte[] LoadMuLaw(string path)
    {
        using var reader = WavReader.Open(path);
        if (reader.SampleCount < Frame || reader.SampleCount > 8000L * 3600)
        {
            throw new WavFormatException("The bench file must hold 20 ms to 1 hour of audio.");
        }

        var pcm = new short[reader.SampleCount / Frame * Frame];
        reader.Read(pcm);
        var codes = new byte[pcm.Length];
        MuLaw.Encode(pcm, codes);
        return codes;
    }

    /// <summary>The timed loop: K channels in turn, each reading its own place in the file.</summary>
    private sealed class BenchLoop
    {
        private readonly byte[] _audio;
        private readonly MaskingChannel[] _channels;
        private readonly int[] _offsets;
        private readonly bool _pcmPath;
        private readonly short[] _pcmIn = new short[Frame];
        private readonly short[] _pcmOut = new short[Frame];
        private readonly byte[] _codesOut = new byte[Frame];

        public BenchLoop(byte[] audio, int streams, bool pcmPath)
        {
            _audio = audio;
            _pcmPath = pcmPath;
            _channels = new MaskingChannel[streams];
            _offsets = new int[streams];
            var options = new MaskingOptions();
            var frames = audio.Length / Frame;
            for (var i = 0; i < streams; i++)
            {
                _channels[i] = new MaskingChannel(options);
                _offsets[i] = (int)((long)i * 37 % frames) * Frame;
            }
        }

        public long Checksum { get; private set; }

        public void Run(long frames)
        {
            var stream = 0;
            for (long f = 0; f < frames; f++)
            {
                var offset = _offsets[stream];
                if (_pcmPath)
                {
                    MuLaw.Decode(_audio.AsSpan(offset, Frame), _pcmIn);
                    _channels[stream].ProcessFrame(_pcmIn, _pcmOut);
                    MuLaw.Encode(_pcmOut, _codesOut);
                }
                else
                {
                    _channels[stream].ProcessFrame(_audio.AsSpan(offset, Frame), _codesOut, G711Law.MuLaw);
                }

                Checksum += _codesOut[0];
                offset += Frame;
                _offsets[stream] = offset == _audio.Length ? 0 : offset;
                stream = stream + 1 == _channels.Length ? 0 : stream + 1;
            }
        }
    }
}
