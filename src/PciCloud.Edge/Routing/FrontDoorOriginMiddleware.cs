using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;
using PciCloud.Edge.Telemetry;

namespace PciCloud.Edge.Routing;

/// <summary>
/// First step of the proxy pipeline when <see cref="OriginAccessOptions.FrontDoorId"/> is set: a request that
/// does not carry this profile's id in <c>X-Azure-FDID</c> did not come through our Front Door (another
/// profile, or the ingress address reached directly) and is refused before any routing. Health endpoints are
/// outside the proxy pipeline, so kubelet probes are unaffected.
/// </summary>
internal sealed class FrontDoorOriginMiddleware(RequestDelegate next, IOptionsMonitor<OriginAccessOptions> options, EdgeMetrics metrics)
{
    public const string HeaderName = "X-Azure-FDID";

    public Task InvokeAsync(HttpContext context)
    {
        var expected = options.CurrentValue.FrontDoorId;
        if (expected.Length == 0)
        {
            return next(context);
        }
        var sent = context.Request.Headers[HeaderName];
        if (sent.Count == 1 && string.Equals(sent[0], expected, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }
        metrics.RecordRequest("none", "not_from_front_door");
        return EdgeProblem.WriteAsync(context, StatusCodes.Status403Forbidden, "forbidden", "Forbidden",
            "Send requests to the API's published host names.");
    }
}
