using PciCloud.Contracts.Schedules;

namespace PciCloud.Grains.Schedules;

/// <summary>A schedule's persisted state: the plan and every period's payment. Never card data.</summary>
[GenerateSerializer, Alias("pcicloud.schedule-state.v1")]
public sealed class ScheduleState
{
    [Id(0)] public ScheduleRegistration? Registration { get; set; }

    [Id(1)] public string Status { get; set; } = ScheduleView.Active;

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset? CancelledAt { get; set; }

    [Id(4)] public List<ScheduleCharge> Charges { get; set; } = [];
}
