using PciCloud.Region.Auth;
using PciCloud.ServiceDefaults;

namespace PciCloud.Region.Http;

/// <summary>
/// Authenticates endpoints that carry <see cref="RequiresCaller"/>: the bearer credential (or, on
/// an event stream, ?token=) must be of an allowed kind, else 401 unauthenticated.
/// </summary>
internal sealed class CallerAuthenticationMiddleware(RequestDelegate next, CallerAuthenticator authenticator)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiresCaller>();
        if (required is null)
        {
            await next(context);
            return;
        }

        var credential = BearerOf(context);
        var caller = credential is null ? null : await authenticator.AuthenticateAsync(credential, required.Kinds, context.RequestAborted);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(context, Problems.Unauthenticated());
            return;
        }

        context.SetCaller(caller);
        // Tells the edge this credential is real, so its tenant's budget (not the sender address's) pays from now on.
        context.Response.Headers[ProblemShape.AuthenticatedHeader] = caller.Kind == CallerKind.Admin ? "admin" : caller.TenantId;
        await next(context);
    }

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
