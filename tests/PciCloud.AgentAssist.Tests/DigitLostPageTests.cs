using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using PciCloud.Contracts.Calls;
using static Microsoft.Playwright.Assertions;

namespace PciCloud.AgentAssist.Tests;

/// <summary>
/// A key press that never reached the region shows on the agent's page. The test plays the UK
/// masking worker towards the stack's real CallGrain (an Orleans client of the UK silo, as the
/// worker is): key press #1 never arrives, #2 does, so the session counts one digit lost.
/// </summary>
public sealed class DigitLostPageTests(StackFixture stack, BrowserFixture browser)
{
    private const string Missed = "A key press may have been missed: reset and ask again.";

    [Fact]
    public async Task SkippedKeyPress_PageSaysResetAndAskAgain_ResetClearsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await PhoneCall.StartAsync(stack, PaymentScenario.ChargeRequest(), ct);
        await using var page = await AgentPage.OpenAsync(browser.Browser, call.AgentUrl);
        await page.Button("Capture card number").ClickAsync();
        await Expect(page.Field("card_number")).ToHaveAttributeAsync("data-state", "capturing");

        using var worker = await UkWorkerClientAsync(ct);
        var outcome = await worker.Services.GetRequiredService<IClusterClient>().GetGrain<ICallGrain>(call.CallId)
            .ReportKeyPress(new KeyPressReport('4', 2, 0, 80, "inband"));

        Assert.Equal(KeyPressOutcome.Routed, outcome);
        await Expect(page.Page.Locator("#banner")).ToHaveTextAsync(Missed, new() { Timeout = 30_000 });
        await page.ScreenshotAsync("10-digit-lost");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Reset card number" }).ClickAsync();
        await Expect(page.Page.Locator("#banner")).ToBeHiddenAsync();
    }

    private async Task<IHost> UkWorkerClientAsync(CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(stack.Options.GatewayPorts["uk"], serviceId: "pcicloud", clusterId: "pcicloud-uk"));
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }
}
