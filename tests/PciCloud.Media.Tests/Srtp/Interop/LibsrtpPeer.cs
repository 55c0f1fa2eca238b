using System.Buffers.Binary;
using System.Diagnostics;

namespace PciCloud.Media.Tests.Srtp.Interop;

/// <summary>
/// An independent SRTP implementation to test against: Debian's libsrtp2 behind the small C program
/// srtp_peer.c beside this file, compiled with cc into a temporary directory once per test class.
/// </summary>
public sealed class LibsrtpPeer : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pcicloud-libsrtp-");

    public LibsrtpPeer()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Srtp", "Interop", "srtp_peer.c");
        Executable = Path.Combine(_directory.FullName, "srtp_peer");
        if (!File.Exists("/usr/bin/cc") || !File.Exists("/usr/include/srtp2/srtp.h"))
        {
            BuildError = "cc or libsrtp2-dev is not installed (apt-get install gcc libsrtp2-dev; .ci/run installs them)";
            return;
        }

        var (exitCode, _, errors) = Run("/usr/bin/cc", ["-O1", "-Wall", "-Werror", "-o", Executable, source, "-lsrtp2"], []);
        BuildError = exitCode == 0 ? null : $"cc failed: {errors}";
    }

    public string Executable { get; }

    /// <summary>Why the peer could not be built; null when it was.</summary>
    public string? BuildError { get; }

    /// <summary>
    /// Runs every packet through libsrtp's srtp_protect or srtp_unprotect (one session, in order) and
    /// returns, per packet, libsrtp's status (0 = ok) and the resulting packet.
    /// </summary>
    public IReadOnlyList<(int Status, byte[] Packet)> Process(string operation, int tagBits, byte[] keyAndSalt, IEnumerable<byte[]> packets)
    {
        if (BuildError is not null)
        {
            Assert.Skip(BuildError);
        }

        using var input = new MemoryStream();
        Span<byte> prefix = stackalloc byte[2];
        foreach (var packet in packets)
        {
            BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)packet.Length);
            input.Write(prefix);
            input.Write(packet);
        }

        var (exitCode, output, errors) = Run(Executable, [operation, tagBits.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToHexString(keyAndSalt)], input.ToArray());
        Assert.True(exitCode == 0, $"srtp_peer exited with {exitCode}: {errors}");
        var results = new List<(int, byte[])>();
        for (var offset = 0; offset < output.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(output.AsSpan(offset + 1));
            results.Add((output[offset], output.AsSpan(offset + 3, length).ToArray()));
            offset += 3 + length;
        }

        return results;
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static (int ExitCode, byte[] Output, string Errors) Run(string program, string[] arguments, byte[] input)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output, TestContext.Current.CancellationToken);
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        copy.GetAwaiter().GetResult();
        Assert.True(process.WaitForExit(60_000), $"{program} did not finish");
        return (process.ExitCode, output.ToArray(), errors.GetAwaiter().GetResult());
    }
}
