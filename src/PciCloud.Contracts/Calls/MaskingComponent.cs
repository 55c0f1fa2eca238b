namespace PciCloud.Contracts.Calls;

/// <summary>The masker or the output check of a call: its name, build and settings.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.masking-component.v1")]
public sealed record MaskingComponent(
    [property: Id(0)] string Name,
    [property: Id(1)] string Version,
    [property: Id(2)] IReadOnlyDictionary<string, string> Settings);
