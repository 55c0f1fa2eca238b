using Microsoft.Extensions.Hosting;

namespace PciCloud.LocalStack.Hosting;

/// <summary>
/// Replaces the console lifetime of a service run inside the stack: the stack, not each
/// service, reacts to Ctrl+C, so it can stop the parts in order (edge, workers, regions).
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
