using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace PciCloud.Region.AgentAssist;

/// <summary>
/// The page, embedded in the region assembly (no web root, no front-end build). Script and style
/// are inlined into the HTML and allowed by their SHA-256 in the Content-Security-Policy: one
/// request per page (through the edge, which routes by the link's token) and no inline code
/// other than exactly these bytes.
/// </summary>
internal static class AgentAssistAssets
{
    private static readonly string Script = Read("agent.js");
    private static readonly string Style = Read("agent.css");

    public static string ScriptHash { get; } = Hash(Script);

    public static string StyleHash { get; } = Hash(Style);

    public static string PageTemplate { get; } = Inline(Read("agent.html"));

    public static string LinkInvalidPage { get; } = Inline(Read("link-invalid.html"));

    private static string Inline(string html) => html
        .Replace("{{style}}", Style, StringComparison.Ordinal)
        .Replace("{{script}}", Script, StringComparison.Ordinal);

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Read(string name)
    {
        var assembly = typeof(AgentAssistAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream("PciCloud.Region.AgentAssist." + name)
            ?? throw new InvalidOperationException($"Agent Assist asset {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
