using System.Diagnostics;
using System.Reflection;

namespace PciCloud.LoadTests.Runner;

/// <summary>
/// Runs a hidden scenario of this same executable as a separate process (its own CPU time, GC and thread
/// pool) and waits for its <c>READY &lt;url&gt;</c> line. Disposing kills the process it started, by id.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ChildProcess> StartAsync(
        string scenario, IEnumerable<string> args, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }
        info.ArgumentList.Add(scenario);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_gcServer"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("READY ", StringComparison.Ordinal))
            {
                ready.TrySetResult(new Uri(line["READY ".Length..]));
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{scenario} exited early."));
        process.Start();
        process.BeginOutputReadLine(); // keeps draining stdout so the child never blocks on a full pipe
        try
        {
            var address = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            return new ChildProcess(process, address);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Called by the child: announce the address, then serve until the parent kills it or Ctrl+C.</summary>
    public static void AnnounceReady(Uri address) => Console.Out.WriteLine("READY " + address);

    /// <summary>
    /// Called by the child: completes when the parent goes away. The parent holds the child's stdin open, so
    /// end-of-input means the parent exited (even if it was killed and never ran its Dispose).
    /// </summary>
    public static Task ParentGoneAsync() => Task.Run(async () =>
    {
        while (await Console.In.ReadLineAsync() is not null)
        {
        }
    });

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
