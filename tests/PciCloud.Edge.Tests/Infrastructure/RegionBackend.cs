using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PciCloud.Edge.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a free loopback port standing in for one region: /health, /admin/v1/tenants,
/// an SSE stream, a WebSocket echo, a POST that drops the connection, and an echo of everything else
/// (which region answered and which headers arrived).
/// </summary>
public sealed class RegionBackend : IAsyncDisposable
{
    public const string AdminKey = "pk_platform_test";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private bool _stopped;

    private RegionBackend(string region, bool wrapTenantList)
    {
        Region = region;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.UseWebSockets();
        _app.MapGet("/health", () => "ok");
        _app.MapGet("/admin/v1/tenants", (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != "Bearer " + AdminKey)
            {
                return Results.Unauthorized();
            }
            var list = _tenants.Keys.Order(StringComparer.Ordinal).Select(id => new { id, region, name = id }).ToArray();
            return wrapTenantList ? Results.Ok(new { data = list }) : Results.Ok(list);
        });
        _app.MapGet("/v1/payment-sessions/{id}/events", ServerSentEventsAsync);
        _app.Map("/agent/ws", WebSocketEchoAsync);
        _app.MapPost("/v1/drop", (HttpContext context) =>
        {
            Hit("POST /v1/drop");
            context.Abort();
        });
        // The fallback takes no path whose last segment looks like a file name.
        _app.MapGet("/.well-known/jwks.json", EchoAsync);
        _app.MapFallback(EchoAsync);
    }

    public string Region { get; }

    public Uri Address { get; private set; } = null!;

    /// <summary>Completed by a test to let the SSE endpoint send its second event.</summary>
    public TaskCompletionSource ReleaseSecondEvent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<RegionBackend> StartAsync(string region, bool wrapTenantList, params string[] tenants)
    {
        var backend = new RegionBackend(region, wrapTenantList);
        foreach (var tenant in tenants)
        {
            backend.AddTenant(tenant);
        }
        await backend._app.StartAsync();
        var address = backend._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        backend.Address = new Uri(address);
        return backend;
    }

    public void AddTenant(string tenantId) => _tenants[tenantId] = 0;

    public int Hits(string key) => _hits.TryGetValue(key, out var n) ? n : 0;

    public async Task StopAsync()
    {
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await _app.StopAsync();
        }
        await _app.DisposeAsync();
    }

    private void Hit(string key) => _hits.AddOrUpdate(key, 1, (_, n) => n + 1);

    private async Task EchoAsync(HttpContext context)
    {
        Hit($"{context.Request.Method} {context.Request.Path}");
        if (!Verifies(context, out var tenant))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (tenant is not null)
        {
            context.Response.Headers[AuthenticatedHeader] = tenant;
        }
        long bodyLength = 0;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            bodyLength += read;
        }
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        await context.Response.WriteAsJsonAsync(new EchoResponse(
            Region, context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", headers, bodyLength));
    }

    /// <summary>
    /// Stands in for the region's check of the secret: the stack's keys end in <c>_s3cr3tValue</c> and its agent
    /// tokens in <c>.c2lnbmF0dXJl</c> (see <see cref="EdgeStack"/>); any other secret is refused with 401.
    /// </summary>
    private static bool Verifies(HttpContext context, out string? tenant)
    {
        tenant = null;
        var authorization = context.Request.Headers.Authorization.ToString();
        var credential = authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? authorization["Bearer ".Length..]
            : context.Request.Query["token"].ToString();
        if (credential == AdminKey)
        {
            tenant = "admin";
        }
        else if (credential.StartsWith("sk_", StringComparison.Ordinal) && credential.EndsWith("_" + EdgeStack.Secret, StringComparison.Ordinal))
        {
            tenant = credential[3..^(EdgeStack.Secret.Length + 1)];
        }
        else if (credential.EndsWith("." + EdgeStack.Signature, StringComparison.Ordinal))
        {
            tenant = credential[..credential.IndexOf('.', StringComparison.Ordinal)];
        }
        return credential.Length == 0 || tenant is not null;
    }

    /// <summary>The region's "this credential verified" answer header (ProblemShape.AuthenticatedHeader).</summary>
    public const string AuthenticatedHeader = "PciCloud-Authenticated";

    private async Task ServerSentEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync($"data: one from {Region}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await ReleaseSecondEvent.Task.WaitAsync(context.RequestAborted);
        await context.Response.WriteAsync($"data: two from {Region}\n\n", context.RequestAborted);
    }

    private async Task WebSocketEchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
                return;
            }
            var reply = Encoding.UTF8.GetBytes($"{Region}:{Encoding.UTF8.GetString(buffer, 0, received.Count)}");
            await socket.SendAsync(reply, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
        }
    }
}
