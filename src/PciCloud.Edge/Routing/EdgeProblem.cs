using System.Globalization;

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
                type: "https://docs.pcicloud.dev/errors/" + code,
                extensions: new Dictionary<string, object?> { ["code"] = code })
            .ExecuteAsync(context);
    }

    public static Task Unauthenticated(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthenticated", "Unauthenticated",
            "Send Authorization: Bearer with a secret key or an agent token.");

    public static Task UnknownTenant(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "not_found", "Not found",
            "No such resource.");

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
