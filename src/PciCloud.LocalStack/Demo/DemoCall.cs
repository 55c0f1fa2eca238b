using System.Net;
using System.Text.Json.Nodes;

namespace PciCloud.LocalStack.Demo;

/// <summary>
/// One payment taken the way a real call takes it, against a running stack, over real sockets:
/// the tenant registers the call through the edge, the customer's audio flows as RTP through the
/// masking worker, the "agent" captures each field with the session's agent token, and the masked
/// audio is received where the agent would hear it.
/// </summary>
public sealed class DemoCall(Uri edgeUrl, string secretKey, DemoOptions options, TextWriter output)
{
    private static readonly string[] CardFields = ["card_number", "expiry", "security_code"];
    private static readonly string[] BankFields = ["sort_code", "account_number"];
    private static readonly TimeSpan FieldTimeout = TimeSpan.FromSeconds(45);

    public async Task<DemoResult> RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = edgeUrl, Timeout = Timeout.InfiniteTimeSpan };
        var api = new PciCloudClient(http, secretKey);
        var audio = new CustomerAudio();
        var started = DateTimeOffset.UtcNow;
        var agentHost = IPAddress.Parse(options.AgentHost);
        using var agentEar = new AgentAudioReceiver(IPAddress.IsLoopback(agentHost) ? IPAddress.Loopback : IPAddress.Any);

        var call = await api.CreateCallAsync($"{options.AgentHost}:{agentEar.Endpoint.Port}", "demo-" + started.ToUnixTimeSeconds(), ct).ConfigureAwait(false);
        var callId = (string)call["id"]!;
        var rtp = call["media"]!["rtp"]!;
        var worker = new IPEndPoint(IPAddress.Parse((string)rtp["host"]!), (int)rtp["port"]!);
        output.WriteLine($"call {callId} registered through the edge {edgeUrl}");
        output.WriteLine($"  customer audio -> masking worker {worker} (RTP, PCMU); agent hears {options.AgentHost}:{agentEar.Endpoint.Port}");

        var session = await api.CreateSessionAsync(callId, new JsonObject
        {
            ["intent"] = "charge",
            ["amount"] = 1999,
            ["currency"] = "GBP",
            ["description"] = "Demo order 1001",
            ["reference"] = "DEMO-1001",
            ["agentId"] = "agent-demo",
            ["agentCanRefund"] = true,
            ["fields"] = new JsonArray([.. Fields.Select(f => JsonValue.Create(f))]),
        }, ct).ConfigureAwait(false);
        var sessionId = (string)session["id"]!;
        var agentUrl = (string)session["agentUrl"]!;
        var token = AgentLink.TokenOf(agentUrl);
        output.WriteLine($"payment session {sessionId}: GBP 19.99, Demo order 1001{(options.Bank ? ", by UK Direct Debit" : "")}");

        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var phone = new RtpCallStreamer(worker, options.Fast);
        var sending = phone.RunAsync(streaming.Token);
        await using var events = new SessionEventStream(http, sessionId, token);
        var view = new AgentViewFormatter();
        void Show(JsonObject s)
        {
            foreach (var line in view.Changes(s))
            {
                output.WriteLine(line);
            }
        }

        output.WriteLine("customer talks for a few seconds (speech-like audio)...");
        phone.Enqueue(audio.Speech(options.Fast ? 1500 : 3000));
        await phone.WhenSentAsync(ct).ConfigureAwait(false);

        var keysKeyed = 0;
        foreach (var field in Fields)
        {
            var value = ValueOf(field);
            output.WriteLine($"agent: \"please key your {field.Replace('_', ' ')} now\" (capture {field}); customer keys {value.Length} keys");
            Show(await api.AgentAsync(HttpMethod.Post, sessionId, "capture", token, new JsonObject { ["field"] = field }, ct).ConfigureAwait(false));
            phone.Enqueue(CustomerAudio.Pause(options.Fast ? 300 : 800));
            phone.Enqueue(audio.Keys(value, options.Fast));
            keysKeyed += value.Length;
            await phone.WhenSentAsync(ct).ConfigureAwait(false);
            var state = await WaitForFieldAsync(events, field, Show, TimeSpan.FromSeconds(3), ct).ConfigureAwait(false);
            if (state is null)
            {
                // Not complete by itself (an unusual length): the agent asks for the hash key.
                output.WriteLine("agent: \"and press hash, please\"");
                phone.Enqueue(audio.Keys("#", options.Fast));
                keysKeyed++;
                await phone.WhenSentAsync(ct).ConfigureAwait(false);
                state = await WaitForFieldAsync(events, field, Show, FieldTimeout, ct).ConfigureAwait(false)
                    ?? throw new TimeoutException($"{field} did not complete.");
            }
            if (state == "invalid")
            {
                break;
            }
        }

        var before = await api.AgentAsync(HttpMethod.Get, sessionId, "", token, null, ct).ConfigureAwait(false);
        Show(before);
        JsonObject final = before;
        if ((string?)before["status"] == "ready" && options.Bank)
        {
            output.WriteLine("agent reads the Direct Debit Guarantee; the customer agrees (confirm direct_debit_guarantee)");
            before = await api.AgentAsync(HttpMethod.Post, sessionId, "confirm", token,
                new JsonObject { ["confirmation"] = "direct_debit_guarantee" }, ct).ConfigureAwait(false);
        }

        if ((string?)before["status"] == "ready")
        {
            output.WriteLine("agent: submit");
            final = await api.AgentAsync(HttpMethod.Post, sessionId, "submit", token, null, ct).ConfigureAwait(false);
            Show(final);
        }

        phone.Enqueue(audio.Speech(options.Fast ? 500 : 1500));
        await phone.WhenSentAsync(ct).ConfigureAwait(false);
        await streaming.CancelAsync().ConfigureAwait(false);
        await IgnoreCancellation(sending).ConfigureAwait(false);
        await agentEar.WaitForPacketsAsync(phone.PacketsSent, TimeSpan.FromSeconds(3), ct).ConfigureAwait(false);
        await api.EndCallAsync(callId, ct).ConfigureAwait(false);

        var masking = await WaitForMaskingReportAsync(api, callId, keysKeyed, ct).ConfigureAwait(false);
        var row = await FindReportRowAsync(api, callId, started, ct).ConfigureAwait(false);

        var originalWav = Path.Combine(options.OutputDirectory, "original.wav");
        var agentWav = Path.Combine(options.OutputDirectory, "agent.wav");
        AudioEvidence.WriteWav(originalWav, phone.SentAudio());
        AudioEvidence.WriteWav(agentWav, agentEar.HeardAudio());
        return new DemoResult(callId, sessionId, agentUrl, final, row, masking, originalWav, agentWav, keysKeyed,
            AudioEvidence.CountKeyPresses(originalWav), AudioEvidence.CountKeyPresses(agentWav));
    }

    private string[] Fields => options.Bank ? BankFields : CardFields;

    private string ValueOf(string field) => field switch
    {
        "sort_code" => options.SortCode,
        "account_number" => options.AccountNumber,
        "card_number" => options.CardNumber,
        "expiry" => options.Expiry,
        _ => options.CardNumber.StartsWith("34", StringComparison.Ordinal) || options.CardNumber.StartsWith("37", StringComparison.Ordinal)
            ? options.SecurityCode + "7"
            : options.SecurityCode,
    };

    /// <summary>The field's final state ("complete" or "invalid"), or null if it is still open after the wait.</summary>
    private static async Task<string?> WaitForFieldAsync(SessionEventStream events, string field, Action<JsonObject> show, TimeSpan wait, CancellationToken ct)
    {
        try
        {
            var snapshot = await events.WaitForAsync(s => StateOf(s, field) is "complete" or "invalid" || IsFinal(s), show, wait, ct).ConfigureAwait(false);
            return StateOf(snapshot, field) ?? "invalid";
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static string? StateOf(JsonObject session, string field) => (string?)session["fields"]?[field]?["state"];

    private static bool IsFinal(JsonObject session) => (string?)session["status"] is "failed" or "cancelled" or "expired";

    private static async Task<JsonObject?> WaitForMaskingReportAsync(PciCloudClient api, string callId, int keys, CancellationToken ct)
    {
        // The worker reports its evidence to the call asynchronously; give it a few seconds.
        JsonObject? report = null;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                report = await api.GetMaskingReportAsync(callId, ct).ConfigureAwait(false);
            }
            catch (PciCloudApiException ex) when (ex.Status == 404)
            {
                return null;
            }
            if ((int?)report["keyPressesMasked"] >= keys)
            {
                break;
            }
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
        return report;
    }

    private static async Task<JsonObject?> FindReportRowAsync(PciCloudClient api, string callId, DateTimeOffset started, CancellationToken ct)
    {
        try
        {
            var report = await api.GetCallsReportAsync(started.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5), ct).ConfigureAwait(false);
            return report["data"]?.AsArray().OfType<JsonObject>().FirstOrDefault(r => (string?)r["callId"] == callId);
        }
        catch (PciCloudApiException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
