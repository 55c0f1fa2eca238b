using System.Globalization;
using PciCloud.Media.Codecs;
using PciCloud.Media.Masking;
using PciCloud.Media.Wav;

namespace PciCloud.Media.Cli;

/// <summary>
/// <c>mask IN.wav OUT.wav [--lookahead ms]</c>: runs the real-time masker over the file in 20 ms frames and writes its output
/// shifted back by the look-ahead, so OUT has the same format and length as IN and is time-aligned with it.
/// G.711 files take the G.711 path (unmasked bytes copied as they are). Prints one line per masked key
/// press to stderr: time and duration, never the digit.
/// </summary>
public static class MaskCommand
{
    private const int Frame = 160;

    public static int Run(CliArguments arguments, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(log);
        arguments.RequirePositional(2, "IN.wav OUT.wav");
        var lookahead = arguments.GetLong("--lookahead", new MaskingOptions().LookaheadMilliseconds, 0, MaskingOptions.MaxLookaheadMilliseconds);
        using var reader = WavReader.Open(arguments.Positional[0]);
        using var writer = new WavWriter(arguments.Positional[1], reader.Encoding, reader.SampleCount);
        var channel = new MaskingChannel(new MaskingOptions { LookaheadMilliseconds = (int)lookahead });
        var aligned = new AlignedOutput(writer, channel.LookaheadSamples, reader.SampleCount);
        if (reader.Encoding == WavEncoding.Pcm16)
        {
            MaskPcm(reader, channel, aligned, log);
        }
        else
        {
            MaskCodes(reader, channel, aligned, reader.Encoding == WavEncoding.MuLaw ? G711Law.MuLaw : G711Law.ALaw, log);
        }

        writer.Complete();
        return CommandLine.Ok;
    }

    private static void MaskPcm(WavReader reader, MaskingChannel channel, AlignedOutput aligned, TextWriter log)
    {
        var input = new short[Frame];
        var output = new short[Frame];
        while (!aligned.Done)
        {
            var count = reader.Read(input);
            input.AsSpan(count).Clear(); // past the end: silence flushes the look-ahead
            channel.ProcessFrame(input, output);
            aligned.Write(output);
            Report(channel, log);
        }
    }

    private static void MaskCodes(WavReader reader, MaskingChannel channel, AlignedOutput aligned, G711Law law, TextWriter log)
    {
        var input = new byte[Frame];
        var output = new byte[Frame];
        while (!aligned.Done)
        {
            var count = reader.ReadCodes(input);
            input.AsSpan(count).Fill(law == G711Law.MuLaw ? MuLaw.Silence : ALaw.Silence);
            channel.ProcessFrame(input, output, law);
            aligned.Write(output);
            Report(channel, log);
        }
    }

    private static void Report(MaskingChannel channel, TextWriter log)
    {
        while (channel.TryReadKeyPress(out var keyPress))
        {
            log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"masked key press at {keyPress.StartSample / 8000.0:F3} s, {keyPress.DurationSamples / 8.0:F1} ms"));
        }
    }
}
