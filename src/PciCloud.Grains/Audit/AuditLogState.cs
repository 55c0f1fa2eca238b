using PciCloud.Contracts.Audit;

namespace PciCloud.Grains.Audit;

[GenerateSerializer, Alias("pcicloud.audit-log-state.v1")]
public sealed class AuditLogState
{
    /// <summary>The open segment: the newest events, not yet sealed.</summary>
    [Id(0)] public List<AuditEvent> Events { get; set; } = [];

    /// <summary>The sealed segments, oldest first; segment n is stored under "{tenant}/{n}".</summary>
    [Id(1)] public List<SealedAuditSegment> Sealed { get; set; } = [];

    /// <summary>The hash of the newest event, sealed or open (the next event links to it).</summary>
    [Id(2)] public string? LastHash { get; set; }
}

/// <summary>The time span a sealed segment covers (so a ranged list skips it).</summary>
[GenerateSerializer, Alias("pcicloud.sealed-audit-segment.v1")]
public sealed record SealedAuditSegment(
    [property: Id(0)] DateTimeOffset FirstAt,
    [property: Id(1)] DateTimeOffset LastAt);
