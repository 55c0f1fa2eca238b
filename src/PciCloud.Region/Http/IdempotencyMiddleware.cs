using System.Security.Cryptography;
using System.Text;
using PciCloud.Contracts.Idempotency;
using PciCloud.Region.Auth;

namespace PciCloud.Region.Http;

/// <summary>
/// API.md Idempotency-Key on every authenticated POST: the same key and body replay the first
/// response (header Idempotent-Replayed: true), a different body is 422 idempotency_key_reused, a
/// first request still running is 409 idempotency_in_progress. Kept 24 h, per tenant, in grain state
/// (Redis in production), without <see cref="ResponseSecrets"/>. 5xx answers are not kept, so a retry runs again.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IGrainFactory grains)
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || context.FindCaller() is not { } caller)
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await Problems.WriteAsync(context, Problems.Invalid($"{Header} is longer than {MaxKeyLength} characters."));
            return;
        }

        var scope = caller.Kind == CallerKind.Admin ? "admin" : caller.TenantId;
        var grain = grains.GetGrain<IIdempotencyGrain>($"{scope}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}");
        var requestHash = await HashRequestAsync(context.Request);
        var begin = await grain.BeginAsync(requestHash);
        switch (begin.Status)
        {
            case IdempotencyStatus.Replay:
                await ReplayAsync(context, begin.Response!);
                return;
            case IdempotencyStatus.Mismatch:
                await Problems.WriteAsync(context, Problems.Unprocessable("idempotency_key_reused",
                    $"This {Header} was used with a different request."));
                return;
            case IdempotencyStatus.InProgress:
                await Problems.WriteAsync(context, Problems.Conflict("idempotency_in_progress",
                    $"A request with this {Header} is still being processed; retry later."));
                return;
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            await grain.AbandonAsync(requestHash);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = captured.ToArray();
        if (context.Response.StatusCode >= 500)
        {
            await grain.AbandonAsync(requestHash);
        }
        else
        {
            // Shown once: the kept answer (grain state, Redis) never holds a secret, so neither does a replay.
            await grain.CompleteAsync(requestHash, new StoredResponse(context.Response.StatusCode,
                context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                ResponseSecrets.Strip(body, context.Response.ContentType)));
        }

        await original.WriteAsync(body, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        context.Response.ContentType = stored.ContentType;
        if (stored.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            sha.AppendData(buffer.GetBuffer(), 0, (int)buffer.Length);
            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
