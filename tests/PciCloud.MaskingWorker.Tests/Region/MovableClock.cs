namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// The silo's wall clock: real time, except that a test can move it forward, as if the region had
/// waited that long. Only <see cref="GetUtcNow"/> moves; timers and timestamps stay real, because
/// Orleans takes its <see cref="TimeProvider"/> from the same container and a frozen fake clock would
/// stall the silo's own timers.
/// </summary>
internal sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public void MoveForward(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
