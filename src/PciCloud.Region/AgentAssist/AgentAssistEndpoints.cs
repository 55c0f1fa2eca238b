using System.Net;
using System.Text.RegularExpressions;

namespace PciCloud.Region.AgentAssist;

/// <summary>
/// Serves the Agent Assist page: <c>GET /agent/{sessionId}?token=...</c> (the session's agentUrl)
/// (script and style inline). The page itself calls the public API with the session token.
/// </summary>
public static partial class AgentAssistEndpoints
{
    public static IEndpointRouteBuilder MapAgentAssist(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/agent").ExcludeFromDescription();

        group.MapGet("/{sessionId}", async (string sessionId, string? token, HttpContext context, IConfiguration configuration) =>
        {
            var gate = context.RequestServices.GetService<IAgentAssistGate>()
                ?? ActivatorUtilities.GetServiceOrCreateInstance<RegionAgentAssistGate>(context.RequestServices);
            var access = SessionIdPattern().IsMatch(sessionId) && !string.IsNullOrEmpty(token)
                ? await gate.CheckAsync(sessionId, token, context.RequestAborted)
                : null;
            if (access is null)
            {
                AgentAssistSecurityHeaders.Apply(context.Response, []);
                return Results.Content(AgentAssistAssets.LinkInvalidPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
            }

            AgentAssistSecurityHeaders.Apply(context.Response, AgentAssistSecurityHeaders.SafeOrigins(access.FramingOrigins));
            var region = configuration["Region:Name"] ?? "";
            var html = AgentAssistAssets.PageTemplate
                .Replace("{{sessionId}}", WebUtility.HtmlEncode(sessionId), StringComparison.Ordinal)
                .Replace("{{region}}", WebUtility.HtmlEncode(region.ToLowerInvariant()), StringComparison.Ordinal);
            return Results.Content(html, "text/html; charset=utf-8");
        });

        return app;
    }

    [GeneratedRegex("^ps_[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex SessionIdPattern();
}
