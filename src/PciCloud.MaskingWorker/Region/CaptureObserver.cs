using PciCloud.Contracts.Calls;

namespace PciCloud.MaskingWorker.Region;

/// <summary>The worker's end of a call's capture notifications (an Orleans client observer).</summary>
internal sealed class CaptureObserver(Action<bool> onChange) : ICallMediaObserver
{
    public Task CaptureChanged(bool capturing)
    {
        onChange(capturing);
        return Task.CompletedTask;
    }
}
