using PciCloud.Media.Wav;

namespace PciCloud.Media.Cli;

/// <summary>Dispatches the sub-commands and turns every input error into a clear message and exit code 2.</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int BadInput = 2;

    private const string Usage = """
        usage: pcicloud-media detect FILE.wav
               pcicloud-media mask IN.wav OUT.wav [--lookahead ms]
               pcicloud-media synth DIGITS OUT.wav [--level dBm0] [--on ms] [--off ms] [--codec pcmu|pcma|pcm16]
               pcicloud-media bench [--seconds N] [--streams K] [--path g711|pcm] FILE.wav
               pcicloud-media verify CERT (--jwks URL|FILE | --key PUBLIC.pem) [--recording FILE]
        WAV files: 8 kHz mono, PCM16, mu-law or A-law.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (args.Length == 0)
            {
                throw new UsageException("no command given");
            }

            var rest = args[1..];
            return args[0] switch
            {
                "detect" => DetectCommand.Run(CliArguments.Parse(rest, []), output),
                "mask" => MaskCommand.Run(CliArguments.Parse(rest, ["--lookahead"]), error),
                "synth" => SynthCommand.Run(CliArguments.Parse(rest, ["--level", "--on", "--off", "--codec"])),
                "bench" => BenchCommand.Run(CliArguments.Parse(rest, ["--seconds", "--streams", "--path"]), output),
                "verify" => VerifyCommand.Run(CliArguments.Parse(rest, ["--jwks", "--key", "--recording"]), output),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(Usage);
            return BadInput;
        }
        catch (WavFormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
    }
}
