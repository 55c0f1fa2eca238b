namespace PciCloud.Region.Http;

/// <summary>
/// Headers on every answer of the region: <c>Cache-Control: no-store</c> (answers carry agent links, new keys,
/// signing secrets and tenants' data: no browser, proxy or CDN may keep them) unless an endpoint chose its own,
/// and HSTS (clients reach the region only over HTTPS; browsers ignore the header on plain HTTP, the local stack).
/// </summary>
internal sealed class ApiResponseHeadersMiddleware(RequestDelegate next)
{
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (headers.CacheControl.Count == 0)
            {
                headers.CacheControl = "no-store";
            }

            headers.StrictTransportSecurity = StrictTransportSecurity;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
