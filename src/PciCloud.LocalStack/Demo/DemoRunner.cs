using System.Text.Json;
using System.Text.Json.Nodes;
using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Demo;

/// <summary>
/// <c>dotnet run --project src/PciCloud.LocalStack -- demo</c>: runs <see cref="DemoCall"/> against
/// the stack just started and prints the outcome, the report row, the masking report and the
/// audio evidence. Exit code 0 when the call went through and no key tone reached the agent.
/// </summary>
public sealed class DemoRunner(StackOptions stack, DemoOptions options, TextWriter output)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine($"demo: a customer of {StackOptions.TenantOf(options.Region)} pays by phone{(options.Fast ? " (fast)" : " (real time)")}");
        DemoResult result;
        try
        {
            result = await new DemoCall(stack.EdgeUrl, StackOptions.KeyOf(options.Region), options, output).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PciCloudApiException or TimeoutException or HttpRequestException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync("demo failed: " + ex.Message).ConfigureAwait(false);
            return LocalStackApp.ExitFailed;
        }
        Print(result);
        var clean = result.KeyPressesInAgentAudio == 0 && (int?)result.MaskingReport?["leaks"] == 0;
        return result.Outcome is "approved" or "declined" && clean ? LocalStackApp.ExitOk : LocalStackApp.ExitFailed;
    }

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
