namespace PciCloud.Edge.Configuration;

/// <summary>
/// The <c>Edge:Origin</c> section: who may reach this edge and under which names (docs/DEPLOY.md, "Regional
/// host names"). Empty values turn each check off (the local stack and tests have no Front Door).
/// </summary>
public sealed class OriginAccessOptions
{
    public const string SectionName = "Edge:Origin";

    /// <summary>
    /// Azure Front Door profile id (terraform output <c>edge.front_door_id</c>). When set, proxied requests must
    /// carry it in <c>X-Azure-FDID</c>: traffic that bypasses Front Door (and its WAF) is refused.
    /// </summary>
    public string FrontDoorId { get; set; } = "";

    /// <summary>
    /// Region id -> that region's own host name (e.g. uk -> uk.api.example.com). A request that arrives on a
    /// region's host name is served only if its tenant lives in that region; the global name serves everyone.
    /// </summary>
    public Dictionary<string, string> RegionalHosts { get; set; } = new(StringComparer.Ordinal);
}
