namespace PciCloud.Contracts.Idempotency;

/// <summary>The first response to an idempotent POST, replayed for the same key and body.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.stored-response.v1")]
public sealed record StoredResponse(
    [property: Id(0)] int StatusCode,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] string? Location,
    [property: Id(3)] byte[] Body);
