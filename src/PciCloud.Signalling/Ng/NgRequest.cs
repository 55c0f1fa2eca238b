using System.Net;
using PciCloud.Signalling.Bencode;

namespace PciCloud.Signalling.Ng;

/// <summary>
/// A typed view of one ng request. Options reach us three ways and all are read: a dictionary key
/// (what Kamailio's rtpengine module sends for a <c>key=value</c> token it does not know, e.g.
/// <c>pcicloud-tenant=ten_1</c> becomes the key <c>pcicloud-tenant</c>), an item of the <c>flags</c>
/// list (<c>pcicloud-tenant=ten_1</c>), or a token of the <c>rtpp-flags</c> string (daemon-side parsing).
/// </summary>
public sealed class NgRequest(BencodeDictionary message)
{
    public const string TenantKey = "pcicloud-tenant";
    public const string CustomerKey = "pcicloud-customer";

    public BencodeDictionary Message { get; } = message;

    public string? Command => Message.GetString("command");

    public string? CallId => Message.GetString("call-id");

    public string? FromTag => Message.GetString("from-tag");

    public string? ToTag => Message.GetString("to-tag");

    public string? Sdp => Message.GetString("sdp");

    public IReadOnlyList<string> Flags => [.. Message.GetStringList("flags"), .. RtppFlags()];

    public bool HasFlag(string flag) => Flags.Any(f => string.Equals(f, flag, StringComparison.OrdinalIgnoreCase));

    /// <summary>An option given as a key, or as <c>name=value</c> in the flags; null when absent.</summary>
    public string? Option(string name)
    {
        if (Message.GetString(name) is { Length: > 0 } value)
        {
            return value;
        }

        var prefix = name + "=";
        return Flags.FirstOrDefault(f => f.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..] is { Length: > 0 } fromFlag
            ? fromFlag
            : null;
    }

    public string? TenantId => Option(TenantKey);

    /// <summary>Whose audio is masked: the offerer's (default, the caller's) or, with <c>pcicloud-customer=callee</c>, the answerer's.</summary>
    public bool CustomerIsCallee => string.Equals(Option(CustomerKey), "callee", StringComparison.OrdinalIgnoreCase);

    /// <summary>The address the proxy received the SIP message from (<c>received-from: [family, address]</c>).</summary>
    public IPAddress? ReceivedFrom =>
        Message.GetStringList("received-from") is [_, var address] && IPAddress.TryParse(address, out var ip) ? ip : null;

    /// <summary>A key the command cannot do without; missing answers the proxy with an error naming it.</summary>
    public string Require(string key) =>
        Message.GetString(key) is { Length: > 0 } value ? value : throw new NgException($"No {key} in message");

    private IEnumerable<string> RtppFlags() =>
        (Message.GetString("rtpp-flags") ?? Message.GetString("rtpp_flags"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
