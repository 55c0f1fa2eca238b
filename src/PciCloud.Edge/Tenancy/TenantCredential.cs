namespace PciCloud.Edge.Tenancy;

/// <summary>
/// Finds the tenant id inside a credential, never anywhere else: a secret key <c>sk_&lt;tenantId&gt;_&lt;secret&gt;</c>
/// or an agent token <c>&lt;tenantId&gt;.&lt;payload&gt;.&lt;signature&gt;</c>. The region verifies the rest.
/// </summary>
public static class TenantCredential
{
    private const string SecretKeyPrefix = "sk_";

    /// <summary>The token of an <c>Authorization: Bearer &lt;token&gt;</c> header value, or empty.</summary>
    public static ReadOnlySpan<char> BearerToken(ReadOnlySpan<char> authorization)
    {
        const string scheme = "Bearer ";
        return authorization.Length > scheme.Length && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[scheme.Length..].Trim(' ')
            : [];
    }

    public static bool TryGetTenant(ReadOnlySpan<char> credential, out ReadOnlySpan<char> tenantId) =>
        credential.StartsWith(SecretKeyPrefix, StringComparison.Ordinal)
            ? TryGetTenantFromSecretKey(credential, out tenantId)
            : TryGetTenantFromAgentToken(credential, out tenantId);

    public static bool TryGetTenantFromSecretKey(ReadOnlySpan<char> key, out ReadOnlySpan<char> tenantId)
    {
        tenantId = [];
        if (!key.StartsWith(SecretKeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = key[SecretKeyPrefix.Length..];
        var separator = rest.IndexOf('_');
        if (separator <= 0 || separator == rest.Length - 1 || !IsTokenChars(rest[(separator + 1)..]))
        {
            return false;
        }
        tenantId = rest[..separator];
        return TenantId.IsValid(tenantId);
    }

    public static bool TryGetTenantFromAgentToken(ReadOnlySpan<char> token, out ReadOnlySpan<char> tenantId)
    {
        tenantId = [];
        var first = token.IndexOf('.');
        if (first <= 0)
        {
            return false;
        }
        var afterTenant = token[(first + 1)..];
        var second = afterTenant.IndexOf('.');
        if (second <= 0 || second == afterTenant.Length - 1 || afterTenant[(second + 1)..].Contains('.')
            || !IsTokenChars(afterTenant))
        {
            return false;
        }
        tenantId = token[..first];
        return TenantId.IsValid(tenantId);
    }

    // Secrets, payloads and signatures are base64url/hex-like: refuse anything that could smuggle header syntax.
    private static bool IsTokenChars(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '+' or '/' or '='))
            {
                return false;
            }
        }
        return true;
    }
}
