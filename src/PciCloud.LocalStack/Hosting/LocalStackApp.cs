using PciCloud.LocalStack.Demo;

namespace PciCloud.LocalStack.Hosting;

/// <summary>The command behind <c>dotnet run --project src/PciCloud.LocalStack</c>.</summary>
public static class LocalStackApp
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;
    public const int ExitPortsBusy = 3;

    /// <summary>Printed after a demo when the stack stays up for the Agent Assist link.</summary>
    public const string KeepsRunningLine = "demo done: the stack keeps running so the link above works; stop it with";

    public static async Task<int> RunAsync(string[] args)
    {
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + CommandLine.Usage).ConfigureAwait(false);
            return ExitUsage;
        }
        if (command.Command == "help")
        {
            Console.WriteLine(CommandLine.Usage);
            return ExitOk;
        }

        using var stopping = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl+C: stop cleanly. The process ends when every part has stopped.
            e.Cancel = true;
            stopping.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stopping.Cancel(); });
        try
        {
            return command.Command == "smoke"
                ? await SmokeAsync(command, stopping.Token).ConfigureAwait(false)
                : await RunStackAsync(command, stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>One payment against a deployment (docs/DEPLOY.md, "Smoke test"): no local part starts.</summary>
    private static async Task<int> SmokeAsync(CommandLine command, CancellationToken stopping)
    {
        var key = Environment.GetEnvironmentVariable(CommandLine.ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key) || !key.StartsWith("sk_", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"smoke: set {CommandLine.ApiKeyVariable} to the test tenant's secret key (sk_...).").ConfigureAwait(false);
            return ExitUsage;
        }
        Console.WriteLine($"smoke: one payment through {command.BaseUrl} with the sandbox gateway");
        return await new DemoRunner(command.BaseUrl!, key, command.Demo with { RequireApproval = true }, Console.Out).RunAsync(stopping).ConfigureAwait(false);
    }

    private static async Task<int> RunStackAsync(CommandLine command, CancellationToken stopping)
    {
        await using var stack = new LocalStackRunner(command.Stack);
        try
        {
            await stack.StartAsync(stopping).ConfigureAwait(false);
        }
        catch (PortsBusyException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitPortsBusy;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Console.WriteLine("PciCloud local stack: stopping (start interrupted)…");
            return ExitOk;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            await Console.Error.WriteLineAsync("PciCloud local stack: failed to start: " + ex.Message).ConfigureAwait(false);
            return ExitFailed;
        }

        int? ctrlCIgnored = InterruptSignal.IsIgnoredBy(Environment.ProcessId) ? Environment.ProcessId : null;
        Console.WriteLine(Banner.For(command.Stack, stack.StartupTime, ctrlCIgnored));
        var exitCode = ExitOk;
        var keepRunning = true;
        if (command.Command == "demo")
        {
            exitCode = await new DemoRunner(command.Stack, command.Demo, Console.Out).RunAsync(stopping).ConfigureAwait(false);
            keepRunning = exitCode == ExitOk && !command.Demo.ExitAfter && !stopping.IsCancellationRequested;
            if (keepRunning)
            {
                Console.WriteLine();
                Console.WriteLine(KeepsRunningLine + (ctrlCIgnored is { } pid ? " kill " + pid.ToString(System.Globalization.CultureInfo.InvariantCulture) : " Ctrl+C"));
            }
        }
        if (keepRunning)
        {
            await Task.WhenAny(stack.AnyPartExited, Task.Delay(Timeout.Infinite, stopping)).ConfigureAwait(false);
            if (!stopping.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("PciCloud local stack: a part stopped unexpectedly; stopping everything.").ConfigureAwait(false);
                exitCode = ExitFailed;
            }
        }
        Console.WriteLine("PciCloud local stack: stopping…");
        await stack.StopAsync().ConfigureAwait(false);
        Console.WriteLine("PciCloud local stack: stopped");
        return exitCode;
    }
}
