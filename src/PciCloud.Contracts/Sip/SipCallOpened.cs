namespace PciCloud.Contracts.Sip;

/// <summary>
/// The outcome of <see cref="ISipCallGrain.OpenAsync"/>: the PciCloud call and the two ports reserved on the worker (one
/// the callee sends to, one the caller sends to), or an error code (<see cref="UnknownTenant"/>,
/// <see cref="NoMediaCapacity"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.sip-call-opened.v1")]
public sealed record SipCallOpened(
    [property: Id(0)] string? Error,
    [property: Id(1)] string? RtpHost = null,
    [property: Id(2)] int CalleeFacingPort = 0,
    [property: Id(3)] int CallerFacingPort = 0,
    [property: Id(4)] string? CallId = null)
{
    public const string UnknownTenant = "unknown_tenant";
    public const string NoMediaCapacity = "no_media_capacity";
}
