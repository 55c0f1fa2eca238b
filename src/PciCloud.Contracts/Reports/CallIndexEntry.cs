namespace PciCloud.Contracts.Reports;

[GenerateSerializer, Immutable, Alias("pcicloud.call-index-entry.v1")]
public sealed record CallIndexEntry([property: Id(0)] string CallId, [property: Id(1)] DateTimeOffset StartedAt);
