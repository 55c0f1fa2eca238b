using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace PciCloud.LocalStack.Tests;

/// <summary>
/// The local stack as a child process, started the way the README says
/// (<c>dotnet run --project src/PciCloud.LocalStack -- ...</c>) but from the already-built output:
/// <c>dotnet PciCloud.LocalStack.dll ...</c>, so the test does not rebuild it, and with Ctrl+C
/// reaching it as it would in a terminal's foreground.
/// </summary>
public sealed class StackProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task? _exited;
    private TaskCompletionSource _lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StackProcess(Process process, Stopwatch clock)
    {
        _process = process;
        Clock = clock;
    }

    public Stopwatch Clock { get; }

    /// <summary>Time from process start to the line "PciCloud local stack ready".</summary>
    public TimeSpan? ReadyAfter { get; private set; }

    public string Output => string.Join('\n', _lines);

    public string Errors => string.Join('\n', _errors);

    /// <summary>Completes when the process has exited (one task, so it can be compared).</summary>
    public Task Exited => _exited ??= _process.WaitForExitAsync();

    public int ExitCode => _process.ExitCode;

    public static string RepositoryRoot { get; } = FindRoot();

    public static StackProcess Start(string workingDirectory, params string[] args)
    {
        var configuration = typeof(StackProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot, "src", "PciCloud.LocalStack", "bin", configuration, "net10.0", "PciCloud.LocalStack.dll");
        Assert.True(File.Exists(dll), $"build the stack first: {dll}");
        // Through env, which resets SIGINT and SIGQUIT to their default disposition and then execs dotnet
        // (same process id): a process started in a terminal's foreground always has them that way, but
        // this test process inherits whatever its runner was given, and a runner started as a background
        // job of a script (`.ci/run > log &`) has them ignored. .NET keeps an inherited ignored SIGINT
        // ignored (as shells do), so the stack would never see the test's Ctrl+C.
        var info = new ProcessStartInfo("env") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("--default-signal=INT,QUIT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        var process = new Process { StartInfo = info };
        var stack = new StackProcess(process, clock);
        process.OutputDataReceived += (_, e) => stack.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stack._errors.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return stack;
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(_ready.Task, Exited, Task.Delay(timeout, TestContext.Current.CancellationToken));
        Assert.True(done == _ready.Task, $"the stack did not get ready (exited: {_process.HasExited}).\n{Tail()}");
    }

    /// <summary>Waits (on the output, not a sleep) for a line that contains <paramref name="text"/>; returns it.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = Clock.Elapsed + timeout;
        while (true)
        {
            var signal = _lineAdded.Task;
            if (_lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            var left = deadline - Clock.Elapsed;
            var done = await Task.WhenAny(signal, Exited, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, TestContext.Current.CancellationToken));
            Assert.True(done == signal, $"no line with '{text}' (exited: {_process.HasExited}).\n{Tail()}");
        }
    }

    public async Task<int> WaitExitAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(Exited, Task.Delay(timeout, TestContext.Current.CancellationToken));
        Assert.True(done == Exited, $"the stack did not exit within {timeout.TotalSeconds:0} s.\n{Tail()}");
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Ctrl+C, as a user in a terminal would press it.</summary>
    public void Interrupt()
    {
        Assert.False(PciCloud.LocalStack.Hosting.InterruptSignal.IsIgnoredBy(_process.Id), "the stack ignores SIGINT (inherited), so Ctrl+C cannot reach it");
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public string Tail() => string.Join('\n', _lines.TakeLast(40)) + "\n--- stderr ---\n" + Errors;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lines.Enqueue(line);
        Interlocked.Exchange(ref _lineAdded, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (line == "PciCloud local stack ready")
        {
            ReadyAfter = Clock.Elapsed;
            _ready.TrySetResult();
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PciCloud.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("PciCloud.sln not found above the test output.");
    }
}
