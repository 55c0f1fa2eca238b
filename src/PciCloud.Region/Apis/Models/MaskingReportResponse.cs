using PciCloud.Contracts.Calls;

namespace PciCloud.Region.Apis.Models;

/// <summary>API.md masking report: what the worker's independent check found on the call's output audio.</summary>
public sealed record MaskingReportResponse(
    string CallId, int KeyPressesMasked, IReadOnlyList<string> Transports, int Leaks, double WorstOnsetMs, IReadOnlyList<MaskedSpan> Spans, int DigitsLost);
