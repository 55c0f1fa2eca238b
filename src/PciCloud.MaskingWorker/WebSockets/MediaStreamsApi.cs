using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.MaskingWorker.Streams;

namespace PciCloud.MaskingWorker.WebSockets;

/// <summary><c>GET /v1/media/{callId}?token=...</c>: the WebSocket media streams of API.md.</summary>
public static class MediaStreamsApi
{
    private const int MaxCallIdLength = 100;

    public static IEndpointRouteBuilder MapMediaStreamsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/media/{callId}", ConnectAsync);
        return app;
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ConnectAsync(
        string callId,
        string? token,
        HttpContext context,
        ICallGateway gateway,
        MediaSessionRegistry sessions,
        IOptions<MaskingWorkerOptions> options,
        WorkerMetrics metrics,
        ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_request", "This endpoint takes a WebSocket upgrade.");
        }

        if (!IsWellFormedCallId(callId))
        {
            return Problem(StatusCodes.Status404NotFound, "not_found", "No such call.");
        }

        if (string.IsNullOrEmpty(token))
        {
            return Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "The stream's token is missing.");
        }

        CallMediaSettings? settings;
        try
        {
            settings = await gateway.GetMediaSettingsAsync(callId, context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.Response.Headers.RetryAfter = "1";
            return Problem(StatusCodes.Status503ServiceUnavailable, "region_unavailable", "The region could not be reached.");
        }

        if (settings is null || settings.Transport != MediaTransportKind.WebSocket)
        {
            return Problem(StatusCodes.Status404NotFound, "not_found", "No such call.");
        }

        if (!TokenMatches(token, settings.StreamTokenSha256))
        {
            return Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "The stream's token is not valid for this call.");
        }

        if (sessions.TryGet(callId, out _))
        {
            return Problem(StatusCodes.Status409Conflict, "invalid_state", "This call already has a media stream.");
        }

        if (!sessions.TryStart(settings, out var session))
        {
            context.Response.Headers.RetryAfter = "1";
            return Problem(StatusCodes.Status503ServiceUnavailable, "no_media_capacity", "This worker carries its maximum of streams.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var stream = new WebSocketMediaStream(
            socket, session, options.Value.MaxWebSocketMessageBytes, options.Value.LateThresholdMs, metrics,
            loggers.CreateLogger("PciCloud.MaskingWorker.WebSockets"));
        await stream.RunAsync(context.RequestAborted);
        return TypedResults.Empty;
    }

    internal static bool IsWellFormedCallId(string callId) =>
        callId.Length is > 0 and <= MaxCallIdLength && callId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>Compares SHA-256(token) with the call's hash in constant time.</summary>
    internal static bool TokenMatches(string token, string? expectedSha256Hex)
    {
        if (expectedSha256Hex is null || expectedSha256Hex.Length != SHA256.HashSizeInBytes * 2 || token.Length > 512)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(expectedSha256Hex, expected, out _, out var written) != System.Buffers.OperationStatus.Done || written != expected.Length)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
