using Microsoft.Extensions.DependencyInjection.Extensions;
using PciCloud.Signalling.Ng;

namespace PciCloud.MaskingWorker.Sip;

/// <summary>Wires the ng control protocol into a worker (listening only when MaskingWorker:NgListenAddress is set).</summary>
public static partial class NgControlExtensions
{
    [LoggerMessage(EventId = 2722, Level = LogLevel.Error, Message = "ng command '{Command}' failed")]
    private static partial void LogCommandFailed(ILogger logger, string command, Exception exception);

    public static WebApplicationBuilder AddNgControl(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Built on first use (the listener resolves it only when ng is on): a worker composed without a
        // region connection (tests with fake gateways) has no ISipCallGateway and needs none.
        builder.Services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<SipCallControl>(sp));
        builder.Services.TryAddSingleton<INgCallControl>(sp => sp.GetRequiredService<SipCallControl>());
        builder.Services.TryAddSingleton(sp => new NgCookieCache(sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<NgDispatcher>();
            return new NgDispatcher(sp.GetRequiredService<INgCallControl>(), sp.GetRequiredService<NgCookieCache>(),
                (command, ex) => LogCommandFailed(logger, command, ex));
        });
        builder.Services.TryAddSingleton<NgListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NgListener>());
        return builder;
    }
}
