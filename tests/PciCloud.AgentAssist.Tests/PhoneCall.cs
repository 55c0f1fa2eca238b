using System.Net;
using System.Text.Json.Nodes;
using PciCloud.LocalStack.Demo;

namespace PciCloud.AgentAssist.Tests;

/// <summary>
/// A call as a tenant would set it up (through the edge, with the tenant's key) plus the
/// customer's phone: key presses go as RTP audio through the region's masking worker, and the
/// masked audio comes back on a loopback socket (the agent's ear).
/// </summary>
public sealed class PhoneCall : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly RtpCallStreamer _phone;
    private readonly AgentAudioReceiver _ear;
    private readonly Task _sending;
    private readonly CustomerAudio _audio = new();

    private PhoneCall(HttpClient http, RtpCallStreamer phone, AgentAudioReceiver ear, string callId, JsonObject session)
    {
        Http = http;
        _phone = phone;
        _ear = ear;
        CallId = callId;
        Session = session;
        _sending = phone.RunAsync(_stop.Token);
    }

    public HttpClient Http { get; }

    public string CallId { get; }

    public JsonObject Session { get; }

    public string SessionId => (string)Session["id"]!;

    public string AgentUrl => (string)Session["agentUrl"]!;

    public static async Task<PhoneCall> StartAsync(StackFixture stack, JsonObject sessionRequest, CancellationToken ct)
    {
        var http = new HttpClient { BaseAddress = stack.EdgeUrl, Timeout = TimeSpan.FromSeconds(30) };
        var api = new PciCloudClient(http, stack.TenantKey);
        var ear = new AgentAudioReceiver();
        var call = await api.CreateCallAsync($"127.0.0.1:{ear.Endpoint.Port}", "playwright-" + Guid.NewGuid().ToString("N")[..8], ct);
        var rtp = call["media"]!["rtp"]!;
        var worker = new IPEndPoint(IPAddress.Parse((string)rtp["host"]!), (int)rtp["port"]!);
        var session = await api.CreateSessionAsync((string)call["id"]!, sessionRequest, ct);
        return new PhoneCall(http, new RtpCallStreamer(worker, fast: false), ear, (string)call["id"]!, session);
    }

    /// <summary>The customer keys <paramref name="keys"/> at a human pace; returns each key's tone segment.</summary>
    public IReadOnlyList<AudioSegment> Key(string keys) =>
        _audio.KeyTones(keys, fast: false).Select(k =>
        {
            var tone = _phone.Enqueue(k.Tone);
            _phone.Enqueue(k.Gap);
            return tone;
        }).ToList();

    public Task WhenSentAsync(CancellationToken ct) => _phone.WhenSentAsync(ct);

    public short[] HeardAudio() => _ear.HeardAudio();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sending;
        }
        catch (OperationCanceledException)
        {
        }
        _phone.Dispose();
        _ear.Dispose();
        Http.Dispose();
        _stop.Dispose();
    }
}
