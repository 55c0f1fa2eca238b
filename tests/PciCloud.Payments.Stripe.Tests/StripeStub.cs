using System.Net;
using System.Net.Sockets;
using PciCloud.Payments.Stripe;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PciCloud.Payments.Stripe.Tests;

/// <summary>A local HTTP server on 127.0.0.1 that answers like Stripe and records every request.</summary>
internal sealed class StripeStub : IDisposable
{
    private readonly WireMockServer _server;

    public StripeStub()
    {
        _server = WireMockServer.Start($"http://127.0.0.1:{FreePort()}");
    }

    public string Url => _server.Url!;

    public StripeGateway Gateway(int maxRetries = 2, TimeSpan? attemptTimeout = null) => new(new StripeGatewayOptions
    {
        ApiKey = "sk_test_pcicloud",
        ApiBase = Url,
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.Zero,
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30),
    });

    public void On(string method, string path, int status, string json, string? scenario = null, string? whenState = null, string? nextState = null)
    {
        var request = Request.Create().WithPath(path).UsingMethod(method);
        var given = _server.Given(request);
        if (scenario is not null)
        {
            given = whenState is null ? given.InScenario(scenario) : given.InScenario(scenario).WhenStateIs(whenState);
            if (nextState is not null)
            {
                given = given.WillSetStateTo(nextState);
            }
        }

        given.RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));
    }

    public void OnPost(string path, string json, int status = 200) => On("POST", path, status, json);

    /// <summary>Answers only after <paramref name="delay"/> (to exercise the per-attempt timeout).</summary>
    public void OnPostSlow(string path, string json, TimeSpan delay) =>
        _server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(json).WithDelay(delay));

    /// <summary>
    /// Waits (on the server's log, no polling) until <paramref name="count"/> requests match: a request whose answer
    /// is delayed is logged only once the stub has answered it.
    /// </summary>
    public async Task WaitForRequestsAsync(Func<StubRequest, bool> match, int count, CancellationToken cancellationToken)
    {
        using var changed = new SemaphoreSlim(0);
        void OnChange(object? sender, System.Collections.Specialized.NotifyCollectionChangedEventArgs e) => changed.Release();
        _server.LogEntriesChanged += OnChange;
        try
        {
            while (Requests.Count(match) < count)
            {
                await changed.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            _server.LogEntriesChanged -= OnChange;
        }
    }

    public IReadOnlyList<StubRequest> Requests => [.. _server.LogEntries.Select(e => new StubRequest(e.RequestMessage!))];

    public void Dispose() => _server.Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One recorded request: method, path, the Idempotency-Key header and the decoded form fields.</summary>
internal sealed class StubRequest(IRequestMessage message)
{
    public string Method { get; } = message.Method;

    public string Path { get; } = message.Path;

    public string Query { get; } = message.RawQuery ?? "";

    public string Body { get; } = message.Body ?? "";

    public string? IdempotencyKey { get; } = message.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Idempotency-Key", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public IReadOnlyDictionary<string, string> Form { get; } = ParseForm(message.Body ?? "");

    public string? this[string field] => Form.TryGetValue(field, out var value) ? value : null;

    private static Dictionary<string, string> ParseForm(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Decode(p[0]), p => p.Length > 1 ? Decode(p[1]) : "");

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
