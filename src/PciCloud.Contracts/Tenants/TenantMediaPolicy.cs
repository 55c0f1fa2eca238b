namespace PciCloud.Contracts.Tenants;

/// <summary>
/// A tenant's media rules: whether an RTP call must name its expected source, how many calls it may
/// hold media for at once, and when a call without media ends by itself. Tenants created before these
/// rules existed have none stored and get <see cref="Legacy"/>: the limits, but no new requirement
/// their integration would fail on.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.tenant-media-policy.v1")]
public sealed record TenantMediaPolicy(
    [property: Id(0)] bool RequireExpectFrom,
    [property: Id(1)] int MaxConcurrentCalls,
    [property: Id(2)] int IdleTimeoutSeconds,
    [property: Id(3)] int UnusedTimeoutSeconds)
{
    public const int DefaultMaxConcurrentCalls = 200;
    public const int DefaultIdleTimeoutSeconds = 600;
    public const int DefaultUnusedTimeoutSeconds = 120;

    /// <summary>What a new tenant gets: RTP only from the source the call names.</summary>
    public static TenantMediaPolicy Default { get; } =
        new(true, DefaultMaxConcurrentCalls, DefaultIdleTimeoutSeconds, DefaultUnusedTimeoutSeconds);

    /// <summary>A tenant stored without a policy: bounded source learning stays allowed.</summary>
    public static TenantMediaPolicy Legacy { get; } = Default with { RequireExpectFrom = false };
}
