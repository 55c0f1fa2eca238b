using System.Collections.Frozen;
using System.Reflection;

namespace PciCloud.Region.AgentAssist;

/// <summary>
/// The page's static files, embedded in the region assembly so the host needs no web root and
/// no front-end build. Loaded once; only these names are ever served.
/// </summary>
internal static class AgentAssistAssets
{
    private static readonly FrozenDictionary<string, (string ContentType, string Text)> Files = Load();

    public static string PageTemplate => Files["agent.html"].Text;

    public static string LinkInvalidPage => Files["link-invalid.html"].Text;

    public static bool TryGetPublic(string name, out string contentType, out string text)
    {
        // Only the script and the stylesheet are public; the HTML goes through the page endpoint.
        if ((name == "agent.js" || name == "agent.css") && Files.TryGetValue(name, out var file))
        {
            (contentType, text) = file;
            return true;
        }
        contentType = text = "";
        return false;
    }

    private static FrozenDictionary<string, (string, string)> Load()
    {
        var assembly = typeof(AgentAssistAssets).Assembly;
        var files = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var name in new[] { "agent.html", "link-invalid.html", "agent.js", "agent.css" })
        {
            files[name] = (ContentTypeOf(name), Read(assembly, name));
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream("PciCloud.Region.AgentAssist." + name)
            ?? throw new InvalidOperationException($"Agent Assist asset {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "text/html; charset=utf-8",
    };
}
