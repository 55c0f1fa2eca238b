using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PciCloud.Region.Auth;

/// <summary>Tenant secret keys: "sk_&lt;tenantId&gt;_&lt;secret&gt;". Stored only as SHA-256 hex.</summary>
public static partial class SecretKeys
{
    public static bool TryParseTenant(string key, out string tenantId)
    {
        var m = KeyPattern().Match(key);
        tenantId = m.Success ? m.Groups[1].Value : "";
        return m.Success;
    }

    public static string Create(string tenantId)
    {
        Span<byte> bytes = stackalloc byte[24];
        RandomNumberGenerator.Fill(bytes);
        return $"sk_{tenantId}_{Convert.ToHexStringLower(bytes)}";
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsValidTenantId(string id) => TenantIdPattern().IsMatch(id);

    [GeneratedRegex("^sk_([a-z0-9][a-z0-9-]{0,62})_([A-Za-z0-9]{4,128})$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex TenantIdPattern();
}
