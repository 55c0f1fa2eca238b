using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace PciCloud.LocalStack.Hosting;

/// <summary>
/// One service of the stack (an edge, a region, a worker) running its own entry point with its
/// own arguments on a dedicated thread of this process, exactly as <c>dotnet run</c> would run it,
/// except that its logs carry the part's name and the stack decides when it stops.
/// </summary>
internal sealed class InProcessHost(string name, Assembly assembly, IReadOnlyList<string> args, Uri healthUrl)
{
    private readonly TaskCompletionSource<IHost> _built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public Uri HealthUrl { get; } = healthUrl;

    /// <summary>Completes when the service's entry point returns (its exit code) or throws.</summary>
    public Task<int> Exited => _exited.Task;

    public void Start()
    {
        var entryPoint = assembly.EntryPoint
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point.");
        var thread = new Thread(() => Run(entryPoint)) { Name = "pcicloud-" + Name, IsBackground = true };
        thread.Start();
    }

    /// <summary>Asks the service to shut down and waits until its entry point has returned.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_built.Task.IsCompletedSuccessfully && !_exited.Task.IsCompleted)
        {
            _built.Task.Result.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        }
        await Task.WhenAny(_exited.Task, Task.Delay(timeout)).ConfigureAwait(false);
    }

    internal void Configure(IServiceCollection services)
    {
        services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        var console = services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList();
        console.ForEach(d => services.Remove(d));
        services.AddSingleton<ILoggerProvider>(new PartConsoleLoggerProvider(Name));
    }

    internal void OnHostBuilt(IHost host) => _built.TrySetResult(host);

    private void Run(MethodInfo entryPoint)
    {
        HostInterceptor.Attach(this);
        try
        {
            var parameters = entryPoint.GetParameters().Length == 0 ? null : new object[] { args.ToArray() };
            var result = entryPoint.Invoke(null, parameters);
            _exited.TrySetResult(result is int code ? code : 0);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            _exited.TrySetException(ex.InnerException);
        }
        catch (Exception ex)
        {
            _exited.TrySetException(ex);
        }
        _built.TrySetCanceled();
    }
}
