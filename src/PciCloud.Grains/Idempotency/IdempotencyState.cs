using PciCloud.Contracts.Idempotency;

namespace PciCloud.Grains.Idempotency;

[GenerateSerializer, Alias("pcicloud.idempotency-state.v1")]
public sealed class IdempotencyState
{
    [Id(0)] public string? RequestHash { get; set; }

    [Id(1)] public DateTimeOffset FirstSeen { get; set; }

    [Id(2)] public DateTimeOffset? StartedAt { get; set; }

    [Id(3)] public StoredResponse? Response { get; set; }
}
