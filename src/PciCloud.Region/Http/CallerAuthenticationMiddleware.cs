using PciCloud.Region.Auth;
using PciCloud.ServiceDefaults;

namespace PciCloud.Region.Http;

/// <summary>
/// Authenticates endpoints that carry <see cref="RequiresCaller"/>: the bearer credential (or, on
/// an event stream, ?token=) must be of an allowed kind, else 401 unauthenticated.
/// </summary>
internal sealed partial class CallerAuthenticationMiddleware(
    RequestDelegate next, CallerAuthenticator authenticator, FailedAuthenticationThrottle throttle, ILogger<CallerAuthenticationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiresCaller>();
        if (required is null)
        {
            await next(context);
            return;
        }

        var source = FailedAuthenticationThrottle.SourceOf(context);
        if (throttle.IsBlocked(source, out var wait))
        {
            LogSourceBlocked(source);
            await Problems.WriteAsync(context, Problems.Of(StatusCodes.Status429TooManyRequests, "too_many_failed_authentications",
                "Too many failed authentications.", "This address failed to authenticate too often; retry after the given delay."),
                Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
            return;
        }

        var credential = BearerOf(context);
        var caller = credential is null ? null : await authenticator.AuthenticateAsync(credential, required.Kinds, context.RequestAborted);
        if (caller is null)
        {
            throttle.RecordFailure(source);
            // The security trail of a failed login (PCI DSS 10.2.1.4, 10.2.2): where from, what kind, which tenant it named; never the secret.
            LogAuthenticationFailed(source, KindOf(credential), NamedTenant(credential), context.Request.Method, context.Request.Path);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(context, Problems.Unauthenticated());
            return;
        }

        context.SetCaller(caller);
        // Tells the edge this credential is real, so its tenant's budget (not the sender address's) pays from now on.
        context.Response.Headers[ProblemShape.AuthenticatedHeader] = caller.Kind == CallerKind.Admin ? "admin" : caller.TenantId;
        await next(context);
    }

    private static string KindOf(string? credential) => credential switch
    {
        null or "" => "none",
        _ when credential.StartsWith("sk_", StringComparison.Ordinal) => "secret_key",
        _ when credential.Count(c => c == '.') == 2 => "agent_token",
        _ => "other",
    };

    // Only a well-formed tenant id is logged: anything else could be a pasted secret.
    private static string NamedTenant(string? credential)
    {
        if (credential is null)
        {
            return "-";
        }

        if (SecretKeys.TryParseTenant(credential, out var tenant))
        {
            return tenant;
        }

        var dot = credential.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && SecretKeys.IsValidTenantId(credential[..dot]) ? credential[..dot] : "-";
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning,
        Message = "Authentication failed: source {SourceAddress}, credential {CredentialKind}, tenant named {NamedTenant}, {Method} {Path}")]
    private partial void LogAuthenticationFailed(string sourceAddress, string credentialKind, string namedTenant, string method, PathString path);

    [LoggerMessage(EventId = 4290, Level = LogLevel.Warning, Message = "Source {SourceAddress} refused: too many failed authentications")]
    private partial void LogSourceBlocked(string sourceAddress);

    private static string? BearerOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        // A browser EventSource cannot send headers: the event stream alone takes ?token=.
        if (header.Length == 0 && context.Request.Path.Value?.EndsWith("/events", StringComparison.Ordinal) == true
            && context.Request.Query.TryGetValue("token", out var token))
        {
            return token.ToString();
        }

        return null;
    }
}
