namespace PciCloud.Contracts.Idempotency;

[GenerateSerializer, Immutable, Alias("pcicloud.idempotency-begin.v1")]
public sealed record IdempotencyBegin(
    [property: Id(0)] IdempotencyStatus Status,
    [property: Id(1)] StoredResponse? Response);
