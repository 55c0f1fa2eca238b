using System.Globalization;
using PciCloud.ServiceDefaults;

namespace PciCloud.Edge.Routing;

/// <summary>RFC 9457 answers the edge gives itself, with the stable <c>code</c> of API.md.</summary>
internal static class EdgeProblem
{
    public static Task WriteAsync(HttpContext context, int status, string code, string title, string detail, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        return TypedResults.Problem(
                detail: detail,
                statusCode: status,
                title: title,
                type: ProblemShape.TypeFor(code),
                extensions: new Dictionary<string, object?> { ["code"] = code })
            .ExecuteAsync(context);
    }

    /// <summary>The region's 401, word for word: an unknown tenant and a wrong secret look the same.</summary>
    public static Task Unauthenticated(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, ProblemShape.UnauthenticatedCode,
            ProblemShape.UnauthenticatedTitle, ProblemShape.UnauthenticatedDetail);
    }

    public static Task ClientRateLimited(HttpContext context, TimeSpan retryAfter) =>
        WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests",
            "Too many requests with credentials not yet verified from this address.", retryAfter);

    public static Task InvalidRegionHeader(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "Invalid request",
            "Admin requests name their region in the PciCloud-Region header; public keys in that header or ?region=.");

    public static Task RegionUnavailable(HttpContext context, TimeSpan retryAfter) =>
        WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "region_unavailable", "Region unavailable",
            "The region that holds this tenant's data is not answering; retry later.", retryAfter);

    public static Task RateLimited(HttpContext context, TimeSpan retryAfter) =>
        WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests",
            "The tenant's request rate limit was reached.", retryAfter);

    public static Task TooLarge(HttpContext context, long limit) =>
        WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "request_too_large", "Request too large",
            $"The request body exceeds {limit.ToString(CultureInfo.InvariantCulture)} bytes.");
}
