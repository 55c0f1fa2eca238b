using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Demo;

/// <summary>The demo call: one payment taken the way a real call takes it (filled in below).</summary>
public sealed class DemoRunner(StackOptions stack, DemoOptions options, TextWriter output)
{
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _ = stack;
        _ = options;
        output.WriteLine("demo: not wired yet");
        return Task.FromResult(LocalStackApp.ExitFailed);
    }
}
