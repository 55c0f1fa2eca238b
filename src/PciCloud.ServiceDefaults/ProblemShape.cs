namespace PciCloud.ServiceDefaults;

/// <summary>
/// The one RFC 9457 shape every PciCloud host answers with (edge and region alike): a dereferenceable
/// <c>type</c> per stable <c>code</c>, and one 401 body whatever failed (missing, malformed, unknown tenant,
/// wrong secret, expired token), so an answer never tells which tenant ids exist.
/// </summary>
public static class ProblemShape
{
    public const string TypeBase = "https://docs.pcicloud.dev/errors/";

    public const string UnauthenticatedCode = "unauthenticated";
    public const string UnauthenticatedTitle = "Unauthenticated";
    public const string UnauthenticatedDetail = "A valid key or token is required in the Authorization header.";

    /// <summary>
    /// Response header a region sets on the answer to a request whose credential it verified (value: the tenant id,
    /// or "admin"). The edge reads it to learn which credentials are real, and never passes it on to the client.
    /// </summary>
    public const string AuthenticatedHeader = "PciCloud-Authenticated";

    public static string TypeFor(string code) => TypeBase + code;
}
