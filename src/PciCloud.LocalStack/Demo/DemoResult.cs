using System.Text.Json.Nodes;

namespace PciCloud.LocalStack.Demo;

/// <summary>What the demo call produced: everything an end-to-end check wants to look at.</summary>
public sealed record DemoResult(
    string CallId,
    string SessionId,
    string AgentUrl,
    JsonObject Session,
    JsonObject? ReportRow,
    JsonObject? MaskingReport,
    string OriginalWav,
    string AgentWav,
    int KeysKeyed,
    int KeyPressesInOriginal,
    int KeyPressesInAgentAudio)
{
    public string? Outcome => (string?)Session["result"]?["outcome"];
}
