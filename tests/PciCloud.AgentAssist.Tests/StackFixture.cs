using PciCloud.LocalStack.Hosting;

[assembly: AssemblyFixture(typeof(PciCloud.AgentAssist.Tests.StackFixture))]

namespace PciCloud.AgentAssist.Tests;

/// <summary>
/// The real local stack (edge, three regions, three masking workers) in the test process, on
/// ports shifted away from the defaults so it never meets a developer's running stack.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    private LocalStackRunner? _runner;

    public StackOptions Options => _runner?.Options ?? throw new InvalidOperationException("The stack is not started.");

    public Uri EdgeUrl => Options.EdgeUrl;

    public string TenantKey => StackOptions.KeyOf("uk");

    public async ValueTask InitializeAsync()
    {
        // Offsets 10000-14500 belong to this project (the LocalStack tests use 15000+).
        for (var offset = 10000; offset <= 14500; offset += 500)
        {
            var runner = new LocalStackRunner(new StackOptions().WithOffset(offset));
            try
            {
                await runner.StartAsync(TestContext.Current.CancellationToken);
                _runner = runner;
                return;
            }
            catch (PortsBusyException)
            {
                await runner.DisposeAsync();
            }
        }
        throw new InvalidOperationException("No free set of ports for the local stack.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }
    }
}
