using PciCloud.Contracts.Calls;

namespace PciCloud.Grains.Calls;

internal static class CallReport
{
    public static CallReportRow Row(string callId, CallState s)
    {
        var o = s.LastOutcome;
        var m = s.Masking;
        return new CallReportRow(
            callId, s.ExternalId, s.StartedAt, s.EndedAt, s.SessionIds.Count > 0, s.SessionIds.Count,
            o?.Outcome, o?.Amount, o?.Currency, o?.Brand, o?.Last4, o?.DeclineCode,
            m?.KeyPressesMasked ?? 0, m?.Transports ?? [], m?.Leaks ?? 0) { EndReason = s.EndReason };
    }
}
