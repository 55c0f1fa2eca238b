using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;
using PciCloud.Edge.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace PciCloud.Edge.Routing;

/// <summary>
/// Outermost step of the proxy pipeline: turns a forwarding failure YARP left without a body into problem
/// details, and counts every forwarded request by region and outcome. It never retries: a POST reaches the
/// region at most once (the region's idempotency keys are the retry mechanism).
/// </summary>
internal sealed class ForwarderErrorMiddleware(RequestDelegate next, IOptionsMonitor<EdgeOptions> options, EdgeMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        if (context.Items[TenantRoutingMiddleware.RegionItemKey] is not string region)
        {
            return; // refused before forwarding; already counted
        }
        var error = context.GetForwarderErrorFeature();
        if (error is null)
        {
            metrics.RecordRequest(region, "forwarded");
            return;
        }

        var outcome = Classify(error);
        metrics.RecordRequest(region, outcome);
        metrics.RecordRoutingFailure(error.Error.ToString(), region);
        if (context.Response.HasStarted || outcome == "client_aborted")
        {
            return;
        }
        context.Response.Clear();
        await (outcome switch
        {
            "request_too_large" => EdgeProblem.TooLarge(context, context.GetRouteModel().Config.MaxRequestBodySize ?? 0),
            "region_unavailable" => EdgeProblem.RegionUnavailable(context, TimeSpan.FromSeconds(options.CurrentValue.RetryAfterSeconds)),
            "region_timeout" => EdgeProblem.WriteAsync(context, StatusCodes.Status504GatewayTimeout, "region_timeout",
                "Region timed out", "The region did not answer in time."),
            "invalid_request" => EdgeProblem.WriteAsync(context, StatusCodes.Status400BadRequest, "invalid_request",
                "Invalid request", "The request body could not be read."),
            _ => EdgeProblem.WriteAsync(context, StatusCodes.Status502BadGateway, "bad_gateway",
                "Bad gateway", "The region's answer could not be relayed."),
        });
    }

    private static string Classify(IForwarderErrorFeature error) => error switch
    {
        _ when IsBodyTooLarge(error.Exception) => "request_too_large",
        { Error: ForwarderError.NoAvailableDestinations } => "region_unavailable",
        { Error: ForwarderError.Request, Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => "region_unavailable",
        { Error: ForwarderError.RequestTimedOut } => "region_timeout",
        { Error: ForwarderError.RequestCanceled } => "client_aborted",
        { Error: ForwarderError.RequestBodyClient } => "invalid_request",
        _ => "bad_gateway",
    };

    // Kestrel's limit surfaces as a BadHttpRequestException, wrapped by the body copy that hit it.
    private static bool IsBodyTooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }
        return false;
    }
}
