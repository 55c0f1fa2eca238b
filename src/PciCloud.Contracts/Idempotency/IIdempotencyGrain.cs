namespace PciCloud.Contracts.Idempotency;

/// <summary>
/// One Idempotency-Key of one tenant (key: "tenantId/scope/key"), kept 24 h. The request is
/// identified by a hash of method, path and body.
/// </summary>
[Alias("pcicloud.idempotency-grain.v1")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    [Alias("begin")] Task<IdempotencyBegin> BeginAsync(string requestHash);

    [Alias("complete")] Task CompleteAsync(string requestHash, StoredResponse response);

    /// <summary>The request failed in a way worth retrying (5xx): forget it.</summary>
    [Alias("abandon")] Task AbandonAsync(string requestHash);
}
