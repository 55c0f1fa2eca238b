namespace PciCloud.Contracts.Audit;

/// <summary>One page of a tenant's trail, oldest first; <see cref="Next"/> is where the next page starts (null: no more).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.audit-event-page.v1")]
public sealed record AuditEventPage(
    [property: Id(0)] IReadOnlyList<AuditEvent> Events,
    [property: Id(1)] AuditPosition? Next);
