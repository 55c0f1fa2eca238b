namespace PciCloud.Grains.Idempotency;

/// <summary>
/// The grain storage idempotency records persist into: its own provider, so that Redis can expire
/// every record on its own (<see cref="EntryExpiry"/>, refreshed by each write) and the store never
/// outgrows the keys of the last day. Other grain state never expires.
/// </summary>
public static class IdempotencyStorage
{
    public const string Name = "pcicloud-idempotency";

    /// <summary>A record's last write is at most one in-progress lease after its first use, so this outlives the 24 h the grain honours it.</summary>
    public static readonly TimeSpan EntryExpiry = IdempotencyGrain.Retention + IdempotencyGrain.InProgressLease;
}
