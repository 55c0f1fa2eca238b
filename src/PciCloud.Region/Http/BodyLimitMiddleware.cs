using Microsoft.Extensions.Options;
using PciCloud.Region.Hosting;

namespace PciCloud.Region.Http;

/// <summary>
/// Reads every request body into memory up to Region:MaxRequestBodyBytes and answers 413
/// request_too_large past it (declared or streamed), so no handler ever sees an oversized body and
/// the idempotency layer can hash the exact bytes.
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<RegionOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            await Problems.WriteAsync(context, Problems.TooLarge(limit));
            return;
        }

        if (request.ContentLength is null or > 0 && HttpMethods.IsGet(request.Method) is false)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await Problems.WriteAsync(context, Problems.TooLarge(limit));
                    return;
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            request.Body = buffer;
        }

        await next(context);
    }
}
