namespace PciCloud.Contracts.Tenants;

/// <summary>An API key as stored: its id and the SHA-256 of the secret (hex), never the secret itself.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.api-key-record.v1")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string SecretSha256,
    [property: Id(2)] DateTimeOffset CreatedAt);
