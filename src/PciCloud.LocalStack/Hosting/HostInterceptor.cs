using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PciCloud.LocalStack.Hosting;

/// <summary>
/// Lets the stack run each service's own, unchanged <c>Program.cs</c> in this process and still
/// control it. Microsoft.Extensions.Hosting announces every host it builds on the diagnostic
/// listener "Microsoft.Extensions.Hosting" ("HostBuilding" before the services are built,
/// "HostBuilt" after), the mechanism WebApplicationFactory and the EF tools rely on. The part
/// whose thread is building gets to adjust the builder and receives the host.
/// </summary>
internal sealed class HostInterceptor : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<InProcessHost?> CurrentPart = new();
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];

    public HostInterceptor() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Marks the calling thread (and what it awaits) as building <paramref name="part"/>.</summary>
    public static void Attach(InProcessHost part) => CurrentPart.Value = part;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        var part = CurrentPart.Value;
        if (part is null)
        {
            return;
        }
        switch (value.Key, value.Value)
        {
            case ("HostBuilding", HostApplicationBuilder builder):
                part.Configure(builder.Services);
                break;
            case ("HostBuilding", IHostBuilder builder):
                builder.ConfigureServices(part.Configure);
                break;
            case ("HostBuilt", IHost host):
                part.OnHostBuilt(host);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
            _listeners.Clear();
        }
    }
}
