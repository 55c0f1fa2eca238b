using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Media;

namespace PciCloud.Grains.Calls;

/// <summary>The push half of a call's start: the reserved worker opens the call's port before the API answers.</summary>
public sealed partial class CallGrain
{
    /// <summary>Long enough for a worker to bind a socket; a worker slower than this learns the call on its next round.</summary>
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(2);

    private async Task TellWorkerAsync()
    {
        if (state.State.Media?.Transport != "rtp" || Settings() is not { } settings)
        {
            return;
        }

        try
        {
            var observer = await grains.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key).GetObserverAsync(settings.WorkerId);
            if (observer is null)
            {
                LogNotPushed("the worker has not given the directory an observer");
                return;
            }

            await observer.CallStartedAsync(settings).WaitAsync(PushTimeout);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            // Not fatal: the worker still finds the call on its next directory round (its first packets are lost then).
            LogNotPushed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The call's worker was not told of it at once ({Reason}); it finds it on its next round")]
    private partial void LogNotPushed(string reason);
}
