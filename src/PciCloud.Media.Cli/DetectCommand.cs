using System.Text;
using PciCloud.Media.Dtmf;
using PciCloud.Media.Wav;

namespace PciCloud.Media.Cli;

/// <summary><c>detect FILE.wav</c>: prints the detected digits on one line and nothing else.</summary>
public static class DetectCommand
{
    public static int Run(CliArguments arguments, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.RequirePositional(1, "FILE.wav");
        using var reader = WavReader.Open(arguments.Positional[0]);
        var detector = new DtmfDetector();
        var digits = new StringBuilder();
        var samples = new short[4000];
        int count;
        while ((count = reader.Read(samples)) > 0)
        {
            detector.Process(samples.AsSpan(0, count));
            Drain(detector, digits);
        }

        detector.Finish();
        Drain(detector, digits);
        output.WriteLine(digits.ToString());
        return CommandLine.Ok;
    }

    private static void Drain(DtmfDetector detector, StringBuilder digits)
    {
        while (detector.TryReadKeyPress(out var keyPress))
        {
            digits.Append(keyPress.Digit);
        }
    }
}
