namespace PciCloud.LocalStack.Demo;

/// <summary>A piece of queued call audio, with the wall-clock times its first and last samples were sent.</summary>
public sealed class AudioSegment(short[] samples)
{
    private readonly TaskCompletionSource<DateTimeOffset> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public short[] Samples { get; } = samples;

    public Task<DateTimeOffset> Started => _started.Task;

    public Task<DateTimeOffset> Sent => _sent.Task;

    internal void MarkStarted() => _started.TrySetResult(DateTimeOffset.UtcNow);

    internal void MarkSent() => _sent.TrySetResult(DateTimeOffset.UtcNow);
}
