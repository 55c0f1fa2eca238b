using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Calls;

namespace PciCloud.Grains.Calls;

/// <summary>
/// Whether a payment session on the call is capturing a field, and the worker that wants to know: its
/// masker is in the sensitive mode from the capture request on, since the next key press is a card digit.
/// </summary>
public sealed partial class CallGrain
{
    private ICallMediaObserver? _mediaObserver;

    public Task<bool> WatchCaptureAsync(ICallMediaObserver observer)
    {
        _mediaObserver = observer;
        return Task.FromResult(Exists && state.State.Capturing);
    }

    public async Task SessionCaptureChangedAsync(string sessionId, bool capturing)
    {
        // Only the open session may turn it on; any session's end turns it off (fail closed: on wins while open).
        if (!Exists || (capturing && state.State.OpenSessionId != sessionId) || state.State.Capturing == capturing)
        {
            return;
        }

        state.State.Capturing = capturing;
        await state.WriteStateAsync();
        NotifyCapture(capturing);
    }

    private void NotifyCapture(bool capturing)
    {
        try
        {
            _mediaObserver?.CaptureChanged(capturing);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The worker is gone or reconnecting: it asks again on its next round and gets the state then.
            LogCaptureNotifyFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The masking worker could not be told about a capture change ({Error})")]
    private partial void LogCaptureNotifyFailed(string error);
}
