using System.Text.Json.Nodes;
using static Microsoft.Playwright.Assertions;

namespace PciCloud.AgentAssist.Tests;

/// <summary>
/// A UK Direct Debit on the Agent Assist page (the stack's UK tenant): sort code and account number
/// keyed as audio through the masking worker, shown masked (** ** ** for the sort code), the Direct
/// Debit Guarantee read and confirmed by the agent, then debited. Screenshots: bank-*.png.
/// </summary>
public sealed class BankPaymentPageTests(StackFixture stack, BrowserFixture browser)
{
    private const string SortCode = "089999";
    private const string Account = "66374958";
    private const string Visa = "4242424242424242"; // never keyed: the card guard only drives PaymentScenario

    [Fact]
    public async Task UkDirectDebit_MaskedBankFields_GuaranteeConfirmed_ThenApproved()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new JsonObject
        {
            ["intent"] = "charge", ["amount"] = 4500, ["currency"] = "GBP", ["reference"] = "DD-2001", ["agentId"] = "agent-7",
            ["fields"] = new JsonArray("sort_code", "account_number"),
        };
        await using var call = await PhoneCall.StartAsync(stack, request, ct);
        await using var page = await AgentPage.OpenAsync(browser.Browser, call.AgentUrl);
        var scenario = new PaymentScenario(call, page, new CardDigitGuard(Visa, "1230", "737"));

        await Expect(page.Page.Locator("#title")).ToHaveTextAsync("Bank payment");
        await Expect(page.Page.Locator("#confirmation-text")).ToContainTextAsync("Direct Debit Guarantee");
        await page.ScreenshotAsync("bank-01-opened");

        await page.Button("Capture sort code").ClickAsync();
        call.Key(SortCode[..4]);
        await Expect(page.Field("sort_code").Locator(".masked")).ToHaveTextAsync("** **", new() { Timeout = 30_000 });
        await page.ScreenshotAsync("bank-02-sort-code-capturing");
        call.Key(SortCode[4..]);
        await Expect(page.Field("sort_code")).ToHaveAttributeAsync("data-state", "complete", new() { Timeout = 30_000 });
        await Expect(page.Field("sort_code").Locator(".masked")).ToHaveTextAsync("** ** **");

        // A wrong check digit first: the page says so in plain words and the attempt is used.
        await scenario.CaptureAsync("account_number", "Capture account number", "66374959", "invalid");
        await Expect(page.Field("account_number").Locator(".field-error")).ToContainTextAsync("not valid for this bank");
        await Expect(page.Field("account_number").Locator(".field-info")).ToContainTextAsync("2 attempts left");
        await page.ScreenshotAsync("bank-03-invalid-account");
        await scenario.CaptureAsync("account_number", "Capture account number", Account, "complete");
        await Expect(page.Page.Locator("#status")).ToHaveTextAsync("Ready to take payment");
        await Expect(page.Button("Take payment")).ToBeDisabledAsync(); // the Guarantee is not confirmed yet
        await page.ScreenshotAsync("bank-04-ready-to-confirm");

        await page.Button("I have read it and the customer agrees").ClickAsync();
        await Expect(page.Page.Locator("#confirmation-done")).ToContainTextAsync("Read and agreed");
        await Expect(page.Button("Take payment")).ToBeEnabledAsync();
        await AssertNoBankDigitsAsync(page, "bank details ready");
        await page.ScreenshotAsync("bank-05-confirmed");

        await page.Button("Take payment").ClickAsync();
        await Expect(page.Page.Locator("#outcome-text")).ToHaveTextAsync("Approved", new() { Timeout = 30_000 });
        await AssertNoBankDigitsAsync(page, "bank payment approved");
        await page.ScreenshotAsync("bank-06-approved");
    }

    /// <summary>No digit run of the page's text or HTML (nor of what it received) is the sort code, an account number or its last four.</summary>
    private static async Task AssertNoBankDigitsAsync(AgentPage page, string where)
    {
        string[] secrets = [SortCode, Account, "66374959", Account[^4..], "08-99-99"];
        var texts = new List<string> { await page.Page.InnerTextAsync("body"), await page.Page.ContentAsync() };
        texts.AddRange(await page.ReceivedAsync());
        foreach (var text in texts)
        {
            var runs = System.Text.RegularExpressions.Regex.Matches(text, @"(?<![0-9A-Za-z_])[0-9][0-9-]*(?![0-9A-Za-z_])").Select(m => m.Value);
            Assert.False(runs.Any(r => secrets.Contains(r)), $"{where}: the page shows or received bank digits");
        }
    }
}
