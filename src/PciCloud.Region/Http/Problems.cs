using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.ServiceDefaults;

namespace PciCloud.Region.Http;

/// <summary>RFC 9457 problem details with PciCloud's stable snake_case <c>code</c> (API.md).</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string title, string? detail = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            type: ProblemShape.TypeFor(code),
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult Invalid(string detail, string code = "invalid_request") =>
        Of(StatusCodes.Status400BadRequest, code, "The request is not valid.", detail);

    public static ProblemHttpResult Unauthenticated() =>
        Of(StatusCodes.Status401Unauthorized, ProblemShape.UnauthenticatedCode, ProblemShape.UnauthenticatedTitle,
            ProblemShape.UnauthenticatedDetail);

    public static ProblemHttpResult NotFound() =>
        Of(StatusCodes.Status404NotFound, "not_found", "Not found.", "No such object.");

    public static ProblemHttpResult Conflict(string code, string detail) =>
        Of(StatusCodes.Status409Conflict, code, "The object is not in a state that allows this.", detail);

    public static ProblemHttpResult Unprocessable(string code, string detail) =>
        Of(StatusCodes.Status422UnprocessableEntity, code, "The request cannot be processed.", detail);

    public static ProblemHttpResult TooLarge(long limit) =>
        Of(StatusCodes.Status413PayloadTooLarge, "request_too_large", "The request body is too large.",
            $"The limit is {limit} bytes.");

    public static ProblemHttpResult Unavailable(string code, string detail) =>
        Of(StatusCodes.Status503ServiceUnavailable, code, "Temporarily unavailable.", detail);

    /// <summary>Writes a problem from middleware, with an optional Retry-After (seconds).</summary>
    public static Task WriteAsync(HttpContext context, ProblemHttpResult problem, int? retryAfterSeconds = null)
    {
        if (retryAfterSeconds is { } s)
        {
            context.Response.Headers.RetryAfter = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return problem.ExecuteAsync(context);
    }
}
