namespace PciCloud.Contracts.Idempotency;

[GenerateSerializer, Alias("pcicloud.idempotency-status.v1")]
public enum IdempotencyStatus
{
    /// <summary>First use of the key: the caller runs the request and then completes it.</summary>
    Started,

    /// <summary>Same key and body, already answered: replay <see cref="IdempotencyBegin.Response"/>.</summary>
    Replay,

    /// <summary>Same key, different body: 422 idempotency_key_reused.</summary>
    Mismatch,

    /// <summary>Same key, first request still running: 409 idempotency_in_progress.</summary>
    InProgress,
}
