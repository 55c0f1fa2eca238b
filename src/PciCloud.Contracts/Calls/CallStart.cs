using PciCloud.Contracts.Media;

namespace PciCloud.Contracts.Calls;

/// <summary>Everything a CallGrain needs to start: who owns it, its media and the worker reserved for it.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.call-start.v1")]
public sealed record CallStart(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string? ExternalId,
    [property: Id(2)] string? From,
    [property: Id(3)] string? To,
    [property: Id(4)] CallMediaRequest Media,
    [property: Id(5)] MediaReservation Reservation,
    [property: Id(6)] string MediaTokenSha256,
    [property: Id(7)] CallSrtpKeys? Srtp = null)
{
    /// <summary>The tenant's mediaPolicy.idleTimeoutSeconds: the call ends after this long without media.</summary>
    [Id(8)] public int IdleTimeoutSeconds { get; init; } = Tenants.TenantMediaPolicy.DefaultIdleTimeoutSeconds;

    /// <summary>The tenant's mediaPolicy.unusedTimeoutSeconds: the call ends if no media came this long after it started.</summary>
    [Id(9)] public int UnusedTimeoutSeconds { get; init; } = Tenants.TenantMediaPolicy.DefaultUnusedTimeoutSeconds;
}
