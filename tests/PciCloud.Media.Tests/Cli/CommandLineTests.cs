using PciCloud.Media.Cli;
using PciCloud.Media.Wav;

namespace PciCloud.Media.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pcicloud-cli-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("pcm16")]
    [InlineData("pcmu")]
    [InlineData("pcma")]
    public void SynthThenDetect_PrintsTheDigitsOnly(string codec)
    {
        var wav = Path.Combine(_directory.FullName, "card.wav");

        Assert.Equal(0, Run(["synth", "4000123412341234*#", wav, "--codec", codec, "--level", "-20", "--on", "60", "--off", "60"], out _, out _));
        Assert.Equal(0, Run(["detect", wav], out var output, out _));

        Assert.Equal("4000123412341234*#" + Environment.NewLine, output);
    }

    [Theory]
    [InlineData("pcm16", WavEncoding.Pcm16)]
    [InlineData("pcmu", WavEncoding.MuLaw)]
    public void Mask_WritesSameFormatAndLength_LogsKeyPressesWithoutDigits(string codec, WavEncoding encoding)
    {
        var input = Path.Combine(_directory.FullName, "in.wav");
        var masked = Path.Combine(_directory.FullName, "out.wav");
        Run(["synth", "9876", input, "--codec", codec], out _, out _);

        Assert.Equal(0, Run(["mask", input, masked], out _, out var log));

        using var original = WavReader.Open(input);
        using var result = WavReader.Open(masked);
        Assert.Equal(encoding, result.Encoding);
        Assert.Equal(original.SampleCount, result.SampleCount);
        var lines = log.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^masked key press at \d+\.\d{3} s, \d+\.\d ms$", line));
        Assert.Equal(0, Run(["detect", masked], out var digits, out _));
        Assert.Equal(Environment.NewLine, digits);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("60")]
    public void Mask_AnyLookahead_OutputTimeAlignedWithInput(string lookahead)
    {
        var input = Path.Combine(_directory.FullName, "in.wav");
        var masked = Path.Combine(_directory.FullName, "out.wav");
        Run(["synth", "5", input, "--codec", "pcm16", "--on", "100", "--off", "500"], out _, out _);

        Assert.Equal(0, Run(["mask", input, masked, "--lookahead", lookahead], out _, out _));

        var original = ReadAll(input);
        var result = ReadAll(masked);
        Assert.Equal(original.Length, result.Length);
        var tail = original.Length - 2400; // the last 300 ms hold no tone and are never masked
        Assert.Equal(original[tail..], result[tail..]);
        Assert.NotEqual(original, result);
    }

    [Theory]
    [InlineData("61")]
    [InlineData("-1")]
    [InlineData("soon")]
    public void Mask_LookaheadOutOfRange_ExitCode2AndNoOutputFile(string lookahead)
    {
        var input = Path.Combine(_directory.FullName, "in.wav");
        var output = Path.Combine(_directory.FullName, "never.wav");
        Run(["synth", "5", input], out _, out _);

        Assert.Equal(2, Run(["mask", input, output, "--lookahead", lookahead], out _, out var error));

        Assert.Contains("--lookahead", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private static short[] ReadAll(string path)
    {
        using var reader = WavReader.Open(path);
        var samples = new short[reader.SampleCount];
        Assert.Equal(samples.Length, reader.Read(samples));
        return samples;
    }

    [Fact]
    public void Mask_UnsupportedWav_ExitCode2AndNoOutputFile()
    {
        var input = Path.Combine(_directory.FullName, "stereo.wav");
        var output = Path.Combine(_directory.FullName, "never.wav");
        File.WriteAllBytes(input, StereoHeader());

        Assert.Equal(2, Run(["mask", input, output], out _, out var error));

        Assert.Contains("mono", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Single(_directory.GetFiles());
    }

    [Theory]
    [InlineData("detect")]
    [InlineData("frobnicate")]
    public void BadCommandLine_ExitCode2WithUsage(string command)
    {
        Assert.Equal(2, Run([command], out _, out var error));
        Assert.Contains("usage", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_LastLineHasTheAgreedFormat()
    {
        var wav = Path.Combine(_directory.FullName, "bench.wav");
        Run(["synth", "123", wav], out _, out _);

        Assert.Equal(0, Run(["bench", "--seconds", "2", "--streams", "3", wav], out var output, out _));

        var last = output.Trim().Split(Environment.NewLine)[^1];
        Assert.Matches(@"^median: \d+ samples/s per core, \d+ concurrent 8 kHz streams per core$", last);
    }

    private static int Run(string[] args, out string output, out string error)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        output = stdout.ToString();
        error = stderr.ToString();
        return code;
    }

    private static byte[] StereoHeader()
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + 8);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)2);
        writer.Write(8000);
        writer.Write(32000);
        writer.Write((short)4);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(8);
        writer.Write(new byte[8]);
        return stream.ToArray();
    }
}
