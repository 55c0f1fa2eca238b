namespace PciCloud.Contracts.Reports;

[GenerateSerializer, Immutable, Alias("pcicloud.call-index-page.v1")]
public sealed record CallIndexPage(
    [property: Id(0)] IReadOnlyList<CallIndexEntry> Entries,
    [property: Id(1)] int? NextPosition);
