namespace PciCloud.Region.AgentAssist;

/// <summary>
/// Response headers of the Agent Assist page: a strict Content-Security-Policy (only the page's own
/// script and style, by hash; connections to its own origin only), framing only by the tenant's configured
/// origins, no referrer (the link carries the session token), and no caching.
/// </summary>
internal static class AgentAssistSecurityHeaders
{
    public static void Apply(HttpResponse response, IReadOnlyCollection<string> framingOrigins)
    {
        var ancestors = framingOrigins.Count == 0 ? "'none'" : string.Join(' ', framingOrigins);
        var headers = response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src '{AgentAssistAssets.ScriptHash}'; style-src '{AgentAssistAssets.StyleHash}'; " +
            "connect-src 'self'; img-src 'self'; " +
            $"base-uri 'none'; form-action 'none'; frame-ancestors {ancestors}";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        if (framingOrigins.Count == 0)
        {
            // Older browsers ignore frame-ancestors; without configured origins the page is never framed.
            headers.XFrameOptions = "DENY";
        }
    }

    /// <summary>
    /// Keeps only well-formed https origins (http only for loopback, the local stack), so a bad
    /// tenant setting can never inject other CSP directives.
    /// </summary>
    public static IReadOnlyCollection<string> SafeOrigins(IEnumerable<string>? origins)
    {
        var result = new List<string>();
        foreach (var origin in origins ?? [])
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0)
            {
                continue;
            }
            var allowed = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
            if (allowed)
            {
                result.Add(uri.GetLeftPart(UriPartial.Authority));
            }
        }
        return result;
    }
}
