using System.Globalization;
using System.Text.Json.Nodes;

namespace PciCloud.LocalStack.Demo;

/// <summary>
/// Turns session snapshots into the lines an agent would see change on the Agent Assist page:
/// asterisks grouped like the card, state, brand and last four once valid. Prints only changes.
/// </summary>
public sealed class AgentViewFormatter
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["card_number"] = "card number",
        ["expiry"] = "expiry",
        ["security_code"] = "security code",
        ["postal_code"] = "postcode",
        ["sort_code"] = "sort code",
        ["account_number"] = "account number",
    };

    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);
    private string? _lastStatus;
    private long _lastVersion = -1;

    /// <summary>The lines that changed since the previous snapshot (older versions are skipped).</summary>
    public IEnumerable<string> Changes(JsonObject session)
    {
        // A command's response and the event stream can cross: never step back to an older version.
        if ((long?)session["version"] is { } version)
        {
            if (version < _lastVersion)
            {
                yield break;
            }
            _lastVersion = version;
        }
        var status = (string?)session["status"];
        if (status != _lastStatus)
        {
            _lastStatus = status;
            yield return $"  agent view  session {status}";
        }
        if (session["fields"] is not JsonObject fields)
        {
            yield break;
        }
        foreach (var (name, node) in fields)
        {
            if (node is not JsonObject field)
            {
                continue;
            }
            var line = Line(name, field);
            if (!_last.TryGetValue(name, out var previous) || previous != line)
            {
                _last[name] = line;
                yield return line;
            }
        }
    }

    public static string Line(string name, JsonObject field)
    {
        var state = (string?)field["state"] ?? "?";
        var length = (int?)field["length"] ?? 0;
        var brand = (string?)field["brand"];
        var masked = Group(name, (string?)field["masked"] ?? "", brand);
        var detail = state switch
        {
            "complete" when brand is not null => $"valid, {brand} ending {field["last4"]}",
            "complete" => "valid",
            "invalid" => "INVALID: " + ((string?)field["error"] ?? "not valid"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{length} digit{(length == 1 ? "" : "s")}"),
        };
        var label = Labels.GetValueOrDefault(name, name);
        return $"  agent view  {label,-14} {masked,-24} {state,-10} {detail}";
    }

    /// <summary>Asterisks in the card's printed groups (Amex 4-6-5, else fours); expiry as MM / YY.</summary>
    public static string Group(string name, string masked, string? brand)
    {
        var stars = new string('*', masked.Length);
        if (name == "expiry")
        {
            return stars.Length > 2 ? stars[..2] + " / " + stars[2..] : stars;
        }
        if (name == "sort_code")
        {
            return string.Join(' ', stars.Chunk(2).Select(c => new string(c))); // ** ** **
        }
        if (name != "card_number")
        {
            return stars;
        }
        int[] sizes = brand switch { "amex" => [4, 6, 5], "diners" => [4, 6, 4], _ => [4, 4, 4, 4, 4] };
        var groups = new List<string>();
        var at = 0;
        for (var g = 0; at < stars.Length; g++)
        {
            var size = g < sizes.Length ? sizes[g] : 4;
            groups.Add(stars.Substring(at, Math.Min(size, stars.Length - at)));
            at += size;
        }
        return string.Join(' ', groups);
    }
}
