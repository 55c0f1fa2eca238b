using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>
/// A real Kestrel endpoint on 127.0.0.1 (free port) that records every POST it receives and answers
/// the statuses queued with <see cref="RespondWith"/> (then 200).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentBag<ReceivedWebhook> All { get; } = [];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/hook", (Delegate)receiver.HandleAsync);
        await receiver._app.StartAsync(TestContext.Current.CancellationToken);
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address + "/hook";
        return receiver;
    }

    public void RespondWith(params int[] statuses)
    {
        foreach (var s in statuses)
        {
            _statuses.Enqueue(s);
        }
    }

    /// <summary>The next delivery received, waiting up to <paramref name="timeout"/> (default 20 s).</summary>
    public async Task<ReceivedWebhook> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(20));
        return await _received.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var status = _statuses.TryDequeue(out var s) ? s : 200;
        var received = new ReceivedWebhook(body, context.Request.Headers["PciCloud-Signature"].ToString(),
            context.Request.ContentType, status);
        All.Add(received);
        _received.Writer.TryWrite(received);
        return Results.StatusCode(status);
    }
}

public sealed record ReceivedWebhook(string Body, string Signature, string? ContentType, int AnsweredStatus);
