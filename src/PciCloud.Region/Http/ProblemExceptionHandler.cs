using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace PciCloud.Region.Http;

/// <summary>
/// Every exception becomes a problem: malformed input is 400 invalid_request, an oversized body is
/// 413, an unreachable cluster is 503, anything else is a 500 that reveals nothing.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problems.Of(413, "request_too_large", "The request body is too large."),
            BadHttpRequestException or JsonException =>
                Problems.Invalid("The request body or parameters could not be read: check the JSON and field types."),
            TimeoutException or OrleansException =>
                Problems.Unavailable("region_unavailable", "The region could not complete the request; retry later."),
            _ => Problems.Of(500, "internal_error", "Internal error.", "The request failed; it can be retried."),
        };

        if (problem.StatusCode >= 500)
        {
            // The exception type only: a message could echo request content.
            LogFailure(exception.GetType().FullName ?? "exception", context.Request.Path);
        }

        if (problem.StatusCode == 503)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.StatusCode = problem.StatusCode;
        await problem.ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request to {Path} failed with {ExceptionType}")]
    private partial void LogFailure(string exceptionType, string path);
}
