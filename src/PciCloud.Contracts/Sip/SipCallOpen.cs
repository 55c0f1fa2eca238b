namespace PciCloud.Contracts.Sip;

/// <summary>An ng offer for a new SIP call, as the worker passes it on: the tenant the proxy named and the SIP call-id.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.sip-call-open.v1")]
public sealed record SipCallOpen(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string SipCallId,
    [property: Id(2)] string WorkerId,
    [property: Id(3)] string Codec,
    [property: Id(4)] string? ExpectFrom);
