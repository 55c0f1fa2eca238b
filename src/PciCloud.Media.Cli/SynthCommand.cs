using PciCloud.Media.Dtmf;
using PciCloud.Media.Wav;

namespace PciCloud.Media.Cli;

/// <summary><c>synth DIGITS OUT.wav [--level dBm0] [--on ms] [--off ms] [--codec pcmu|pcma|pcm16]</c>.</summary>
public static class SynthCommand
{
    public static int Run(CliArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.RequirePositional(2, "DIGITS OUT.wav");
        var digits = arguments.Positional[0];
        if (digits.Length is 0 or > 1000 || !digits.All(DtmfKeypad.IsKey))
        {
            throw new UsageException("DIGITS must be 1 to 1000 keys from 0-9, *, #, A-D");
        }

        var level = arguments.GetDouble("--level", -10, -60, 0);
        var on = (int)arguments.GetLong("--on", 100, 5, 10_000);
        var off = (int)arguments.GetLong("--off", 100, 0, 10_000);
        var encoding = arguments.GetString("--codec", "pcm16", "pcmu", "pcma", "pcm16") switch
        {
            "pcmu" => WavEncoding.MuLaw,
            "pcma" => WavEncoding.ALaw,
            _ => WavEncoding.Pcm16,
        };

        var lead = new short[DtmfSynth.Samples(off)];
        var keys = DtmfSynth.Sequence(digits, level, on, off);
        using var writer = new WavWriter(arguments.Positional[1], encoding, lead.Length + keys.Length);
        writer.Write(lead);
        writer.Write(keys);
        writer.Complete();
        return CommandLine.Ok;
    }
}
