namespace PciCloud.Contracts.Schedules;

/// <summary>A schedule command's answer: the schedule, or a refusal with a stable code (nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.schedule-reply.v1")]
public sealed record ScheduleReply(
    [property: Id(0)] ScheduleView? View,
    [property: Id(1)] string? ErrorCode,
    [property: Id(2)] string? ErrorDetail)
{
    public bool Ok => ErrorCode is null;

    public static ScheduleReply Success(ScheduleView view) => new(view, null, null);

    public static ScheduleReply Refused(string code, string detail) => new(null, code, detail);
}
