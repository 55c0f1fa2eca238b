namespace PciCloud.MaskingWorker.Calls;

public sealed record MaskedSpanMs(double StartMs, double DurationMs);
