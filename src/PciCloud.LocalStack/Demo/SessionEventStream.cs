using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PciCloud.LocalStack.Demo;

/// <summary>
/// Follows a payment session's server-sent events (<c>GET /v1/payment-sessions/{id}/events?token=</c>)
/// like the Agent Assist page does, and hands each session snapshot to a channel.
/// </summary>
public sealed class SessionEventStream : IAsyncDisposable
{
    private readonly Channel<JsonObject> _snapshots = Channel.CreateUnbounded<JsonObject>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    public SessionEventStream(HttpClient http, string sessionId, string agentToken)
    {
        var path = $"/v1/payment-sessions/{sessionId}/events?token={Uri.EscapeDataString(agentToken)}";
        _reader = Task.Run(() => ReadAsync(http, path, _stop.Token));
    }

    /// <summary>Waits for the first snapshot for which <paramref name="done"/> is true.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> done, Action<JsonObject> onEach, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await foreach (var snapshot in _snapshots.Reader.ReadAllAsync(deadline.Token).ConfigureAwait(false))
            {
                onEach(snapshot);
                if (done(snapshot))
                {
                    return snapshot;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The session did not reach the expected state within {timeout.TotalSeconds:0} s.");
        }
        throw new InvalidOperationException("The session's event stream ended.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _reader.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task ReadAsync(HttpClient http, string path, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
            var data = new System.Text.StringBuilder();
            while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line.AsSpan(5).TrimStart(' '));
                }
                else if (line.Length == 0 && data.Length > 0)
                {
                    if (JsonNode.Parse(data.ToString()) is JsonObject snapshot)
                    {
                        _snapshots.Writer.TryWrite(snapshot);
                    }
                    data.Clear();
                }
            }
            _snapshots.Writer.TryComplete();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _snapshots.Writer.TryComplete(ex);
        }
    }
}
