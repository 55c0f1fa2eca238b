using System.Text.Json;
using System.Text.Json.Nodes;
using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Demo;

/// <summary>
/// <c>dotnet run --project src/PciCloud.LocalStack -- demo</c> (or <c>smoke</c>): runs <see cref="DemoCall"/>
/// against the stack just started, or a deployed region, and prints the outcome, the report row, the masking
/// report and the audio evidence. Exit code 0 when the call went through and no key tone reached the agent.
/// </summary>
public sealed class DemoRunner(Uri baseUrl, string secretKey, DemoOptions options, TextWriter output)
{
    public DemoRunner(StackOptions stack, DemoOptions options, TextWriter output)
        : this(stack.EdgeUrl, StackOptions.KeyOf(options.Region), options, output)
    {
    }

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine($"demo: a customer of {TenantOf(secretKey)} pays by phone{(options.Fast ? " (fast)" : " (real time)")}");
        DemoResult result;
        try
        {
            result = await new DemoCall(baseUrl, secretKey, options, output).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PciCloudApiException or TimeoutException or HttpRequestException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync("demo failed: " + ex.Message).ConfigureAwait(false);
            return LocalStackApp.ExitFailed;
        }
        Print(result);
        var clean = result.KeyPressesInAgentAudio == 0 && (int?)result.MaskingReport?["leaks"] == 0;
        var answered = options.RequireApproval ? result.Outcome == "approved" : result.Outcome is "approved" or "declined";
        return answered && clean ? LocalStackApp.ExitOk : LocalStackApp.ExitFailed;
    }

    /// <summary>The tenant part of a secret key (sk_&lt;tenant&gt;_&lt;secret&gt;, API.md); never the secret.</summary>
    private static string TenantOf(string key) =>
        key.Split('_') is ["sk", var tenant, ..] ? tenant : "the tenant";

    private void Print(DemoResult r)
    {
        var res = r.Session["result"];
        output.WriteLine();
        output.WriteLine(r.Outcome switch
        {
            "approved" => $"outcome: APPROVED by the sandbox gateway, payment {res?["paymentId"]}",
            "declined" => $"outcome: DECLINED by the sandbox gateway: {res?["declineCode"]} ({res?["message"]})",
            null => $"outcome: none (session {r.Session["status"]})",
            _ => $"outcome: {r.Outcome}: {res?["message"]}",
        });
        output.WriteLine("report row:     " + (r.ReportRow?.ToJsonString(Compact) ?? "(not found)"));
        output.WriteLine("masking report: " + Summary(r.MaskingReport));
        output.WriteLine($"audio: {r.OriginalWav} (what the customer sent: {r.KeyPressesInOriginal} key presses detectable)");
        output.WriteLine($"       {r.AgentWav} (what the agent heard)");
        output.WriteLine("digits recoverable from the agent's audio: " +
            (r.KeyPressesInAgentAudio == 0 ? "none" : $"{r.KeyPressesInAgentAudio} key presses (LEAK)"));
        output.WriteLine("agent view of this session (Agent Assist): " + r.AgentUrl);
    }

    private static string Summary(JsonObject? report)
    {
        if (report is null)
        {
            return "(not available)";
        }
        var transports = report["transports"] is JsonArray t ? string.Join(",", t.Select(x => (string?)x)) : "";
        var spans = report["spans"] is JsonArray s ? s.Count : 0;
        return $"{report["keyPressesMasked"]} key presses masked, transports {transports}, leaks {report["leaks"]}, " +
            $"worst onset {report["worstOnsetMs"]} ms, {spans} masked spans";
    }
}
