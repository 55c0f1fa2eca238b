namespace PciCloud.Region.Auth;

/// <summary>Endpoint metadata: which kinds of caller may use the endpoint.</summary>
public sealed record RequiresCaller(CallerKind Kinds);
