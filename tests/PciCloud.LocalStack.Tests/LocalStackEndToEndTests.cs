using System.Globalization;
using PciCloud.LocalStack.Demo;
using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Tests;

/// <summary>
/// The local stack as a user runs it: a child process, real sockets, Ctrl+C to stop. Checked with
/// tools from outside the project (multimon-ng) where it matters: the agent's audio.
/// </summary>
public sealed class LocalStackEndToEndTests : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private readonly string _workDir = Directory.CreateTempSubdirectory("pcicloud-localstack-test-").FullName;

    [Fact]
    public async Task Stack_TakesAPaymentOverRtp_LeaksNothing_RefusesASecondStart_AndStopsOnCtrlC()
    {
        var ct = TestContext.Current.CancellationToken;
        var offset = FreeOffset();
        await using var stack = StackProcess.Start(_workDir, "--port-offset", offset.ToString(CultureInfo.InvariantCulture));
        await stack.WaitReadyAsync(ReadyTimeout);
        RecordReadyTime(stack, "serve");
        var options = new StackOptions().WithOffset(offset);
        Assert.Contains(options.EdgeUrl.ToString(), stack.Output, StringComparison.Ordinal);
        Assert.Contains("sk_demo-uk_local", stack.Output, StringComparison.Ordinal);

        // A second start on the same ports says so, clearly, and starts nothing.
        await using (var second = StackProcess.Start(_workDir, "--port-offset", offset.ToString(CultureInfo.InvariantCulture)))
        {
            Assert.Equal(LocalStackApp.ExitPortsBusy, await second.WaitExitAsync(TimeSpan.FromMinutes(1)));
            Assert.Contains("already in use", second.Errors, StringComparison.Ordinal);
            Assert.Contains("another local stack", second.Errors, StringComparison.Ordinal);
        }

        var demo = new DemoOptions { OutputDirectory = Path.Combine(_workDir, "demo-output") };
        using var narration = new StringWriter();
        DemoResult result;
        try
        {
            result = await new DemoCall(options.EdgeUrl, StackOptions.KeyOf("uk"), demo, narration).RunAsync(ct);
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine(narration.ToString());
            TestContext.Current.TestOutputHelper?.WriteLine(stack.Tail());
        }

        Assert.Equal("approved", result.Outcome);
        Assert.StartsWith("pay_", (string?)result.Session["result"]?["paymentId"], StringComparison.Ordinal);
        var masking = Assert.IsType<System.Text.Json.Nodes.JsonObject>(result.MaskingReport);
        Assert.Equal(result.KeysKeyed, (int?)masking["keyPressesMasked"]);
        Assert.Equal(0, (int?)masking["leaks"]);
        Assert.Contains("inband", masking["transports"]!.AsArray().Select(t => (string?)t));

        // The tenant's report row for the call (API.md "Reports"): the outcome and the masking evidence, no card data but last4.
        var row = Assert.IsType<System.Text.Json.Nodes.JsonObject>(result.ReportRow);
        Assert.Equal("approved", (string?)row["lastOutcome"]);
        Assert.Equal(true, (bool?)row["paymentSessionInitiated"]);
        Assert.Equal(demo.CardNumber[^4..], (string?)row["last4"]);
        Assert.Equal(result.KeysKeyed, (int?)row["keyPressesMasked"]);
        Assert.Equal(0, (int?)row["leaks"]);
        Assert.DoesNotContain(demo.CardNumber, row.ToJsonString(), StringComparison.Ordinal);

        // Independent decoder: the customer's audio carries the keys, the agent's carries none.
        var sent = await MultimonDtmf.DecodeAsync(result.OriginalWav);
        Assert.Equal(demo.CardNumber + demo.Expiry + demo.SecurityCode, sent);
        Assert.Equal("", await MultimonDtmf.DecodeAsync(result.AgentWav));
        Assert.Equal(0, result.KeyPressesInAgentAudio);
        Assert.True(new FileInfo(result.AgentWav).Length > 8000 * 2 * 5, "the agent heard the call");

        stack.Interrupt();
        Assert.Equal(0, await stack.WaitExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("PciCloud local stack: stopped", stack.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.CardNumber, stack.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stack.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_DeclinedCard_PrintsTheDeclineAndCleanAudio_ItsLinkWorksUntilCtrlC()
    {
        var offset = FreeOffset();
        await using var demo = StackProcess.Start(_workDir, "demo", "--fast", "--card", "4000000000009995", "--port-offset", offset.ToString(CultureInfo.InvariantCulture));
        await demo.WaitReadyAsync(ReadyTimeout);
        RecordReadyTime(demo, "demo");

        // The demo is done, and the stack stays up: the Agent Assist link it printed opens the session.
        await demo.WaitForLineAsync(LocalStackApp.KeepsRunningLine, TimeSpan.FromMinutes(3));
        var link = demo.Output.Split('\n').Single(l => l.StartsWith("agent view of this session (Agent Assist): ", StringComparison.Ordinal))
            .Split(": ", 2)[1].Trim();
        using (var http = new HttpClient())
        {
            var page = await http.GetAsync(new Uri(link), TestContext.Current.CancellationToken);
            Assert.True(page.IsSuccessStatusCode, $"the demo's link answered {(int)page.StatusCode}");
            Assert.Contains("data-session-id=\"ps_", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        demo.Interrupt();
        var exitCode = await demo.WaitExitAsync(TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"the demo exited with {exitCode}:\n{demo.Tail()}");
        var output = demo.Output;
        Assert.Contains("outcome: DECLINED by the sandbox gateway: insufficient_funds", output, StringComparison.Ordinal);
        Assert.Contains("agent view  card number", output, StringComparison.Ordinal);
        Assert.Contains("visa ending 9995", output, StringComparison.Ordinal);
        Assert.Contains("digits recoverable from the agent's audio: none", output, StringComparison.Ordinal);
        Assert.Contains("leaks 0", output, StringComparison.Ordinal);
        Assert.Contains("/agent/ps_", output, StringComparison.Ordinal);
        Assert.DoesNotContain("4000000000009995", output, StringComparison.Ordinal);
        Assert.Equal("", await MultimonDtmf.DecodeAsync(Path.Combine(_workDir, "demo-output", "agent.wav")));
        Assert.Contains("PciCloud local stack: stopped", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_WithExit_StopsTheStackWhenItEnds()
    {
        var offset = FreeOffset();
        await using var demo = StackProcess.Start(_workDir, "demo", "--fast", "--exit", "--port-offset", offset.ToString(CultureInfo.InvariantCulture));
        var exitCode = await demo.WaitExitAsync(TimeSpan.FromMinutes(4));
        Assert.True(exitCode == 0, $"the demo exited with {exitCode}:\n{demo.Tail()}");
        Assert.Contains("outcome: APPROVED", demo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalStackApp.KeepsRunningLine, demo.Output, StringComparison.Ordinal);
        Assert.Contains("PciCloud local stack: stopped", demo.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    /// <summary>Offsets 15000-19500 belong to this project; the Agent Assist tests use 10000-14500.</summary>
    private static int FreeOffset()
    {
        for (var offset = 15000 + (Random.Shared.Next(10) * 500); ; offset = offset >= 19500 ? 15000 : offset + 500)
        {
            var options = new StackOptions().WithOffset(offset);
            if (Hosting.PortProbe.AllFree(options))
            {
                return offset;
            }
        }
    }

    private static void RecordReadyTime(StackProcess stack, string mode)
    {
        // Measured, not asserted: process start (built output) to "PciCloud local stack ready".
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:O} {mode}: ready after {stack.ReadyAfter?.TotalSeconds:0.0} s");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var dir = Directory.CreateDirectory(Path.Combine(StackProcess.RepositoryRoot, "artifacts", "localstack")).FullName;
        File.AppendAllText(Path.Combine(dir, "ready-time.txt"), line + Environment.NewLine);
    }
}
