using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Demo;

/// <summary>The demo call. Lands with the media detector it relies on; until then it says so.</summary>
public sealed class DemoRunner(StackOptions stack, DemoOptions options, TextWriter output)
{
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine($"demo: not available in this build yet (stack {stack.EdgeUrl}, output {options.OutputDirectory}).");
        return Task.FromResult(LocalStackApp.ExitFailed);
    }
}
