using PciCloud.Contracts.Calls;

namespace PciCloud.Region.Apis.Models;

/// <summary>
/// API.md masking report: what the worker's independent check found on the call's output audio. <c>Verified</c> is
/// false when the check did not see all of it (<c>Unchecked</c> lists what it missed): then <c>Leaks</c> is a lower bound.
/// </summary>
public sealed record MaskingReportResponse(
    string CallId, int KeyPressesMasked, IReadOnlyList<string> Transports, int Leaks, double WorstOnsetMs, IReadOnlyList<MaskedSpan> Spans, int DigitsLost,
    bool Verified, IReadOnlyList<MaskedSpan> Unchecked, double UncheckedMs);
