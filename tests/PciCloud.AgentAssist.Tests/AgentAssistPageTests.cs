using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PciCloud.AgentAssist.Tests;

/// <summary>
/// The Agent Assist page in Debian's chromium at 360 px (a CRM side panel), against the real
/// local stack: the card is keyed as audio through the region's masking worker.
/// </summary>
public sealed class AgentAssistPageTests(StackFixture stack, BrowserFixture browser)
{
    private const string Visa = "4242424242424242";
    private const string Expiry = "1230";
    private const string Cvv = "737";

    [Fact]
    public async Task FullPayment_KeyedThroughWorker_ShowsAsterisksThenApproved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await PhoneCall.StartAsync(stack, PaymentScenario.ChargeRequest(agentCanRefund: true), ct);
        await using var page = await AgentPage.OpenAsync(browser.Browser, call.AgentUrl);
        var guard = new CardDigitGuard(Visa, Expiry, Cvv);
        var scenario = new PaymentScenario(call, page, guard);

        await Expect(page.Page.Locator("#status")).ToHaveTextAsync("Ready to start");
        await Expect(page.Page.Locator("#amount-view")).ToHaveTextAsync("£19.99");
        await Expect(page.Page.Locator("#reference-view")).ToHaveTextAsync("ORD-1001");
        await Expect(page.Button("Take payment")).ToBeDisabledAsync();
        await PaymentScenario.AssertFitsWidthAsync(page.Page);
        await page.ScreenshotAsync("01-opened");

        await page.Button("Capture card number").ClickAsync();
        var number = page.Field("card_number");
        await Expect(number).ToHaveAttributeAsync("data-state", "capturing");
        // The customer keys half the number, pauses, then keys the rest.
        var tones = call.Key(Visa[..8]).ToList();
        await Expect(number.Locator(".masked")).ToHaveTextAsync("**** ****", new() { Timeout = 30_000 });
        await Expect(number.Locator(".field-info")).ToContainTextAsync("8 digits");
        await scenario.AssertPageCleanAsync("card number half keyed", last4Allowed: false);
        await Expect(number.Locator(".field-info")).Not.ToContainTextAsync("ending");
        await page.ScreenshotAsync("02-card-number-capturing");
        tones.AddRange(call.Key(Visa[8..]));
        await Expect(number).ToHaveAttributeAsync("data-state", "complete", new() { Timeout = 30_000 });
        await Expect(number.Locator(".masked")).ToHaveTextAsync("**** **** **** ****");
        await Expect(number.Locator(".field-info")).ToContainTextAsync("Visa ending 4242");
        await Expect(page.Page.Locator("#live")).ToContainTextAsync("Card number complete");
        await page.ScreenshotAsync("03-card-number-complete");
        await RecordKeyPressDelayAsync(page, tones);

        await scenario.CaptureAsync("expiry", "Capture expiry date", Expiry, "complete", useKeyboard: true);
        await Expect(page.Field("expiry").Locator(".masked")).ToHaveTextAsync("** / **");
        await scenario.CaptureAsync("security_code", "Capture security code", Cvv, "complete");
        await Expect(page.Page.Locator("#status")).ToHaveTextAsync("Ready to take payment");
        await scenario.AssertPageCleanAsync("ready", last4Allowed: true);
        await page.ScreenshotAsync("04-ready");

        await page.Button("Take payment").ClickAsync();
        await Expect(page.Page.Locator("#outcome-text")).ToHaveTextAsync("Approved", new() { Timeout = 30_000 });
        await Expect(page.Page.Locator("#outcome-next")).ToContainTextAsync("pay_");
        await Expect(page.Button("Take payment")).ToBeDisabledAsync();
        await Expect(page.Button("Capture card number")).ToBeDisabledAsync();
        await page.ScreenshotAsync("05-approved");

        // Refund from the page (agentCanRefund) is offered once the payment succeeded.
        await Expect(page.Button("Refund")).ToBeEnabledAsync();
        await page.Page.Locator("#refund-input").FillAsync("5.00");
        await page.Button("Refund").ClickAsync();
        await Expect(page.Page.Locator("#outcome-next")).ToContainTextAsync("Refund re_", new() { Timeout = 30_000 });
        await Expect(page.Page.Locator("#outcome-next")).ToContainTextAsync("for £5.00");
        await page.ScreenshotAsync("06-refunded");

        await scenario.AssertPageCleanAsync("after payment", last4Allowed: true);
        await scenario.AssertNetworkCleanAsync();
        Assert.True(page.EventCount > 10, "the page follows the session's event stream");
    }

    [Fact]
    public async Task DeclinedCard_ShowsTheReasonInPlainWords()
    {
        const string Declined = "4000000000009995";
        var ct = TestContext.Current.CancellationToken;
        await using var call = await PhoneCall.StartAsync(stack, PaymentScenario.ChargeRequest(), ct);
        await using var page = await AgentPage.OpenAsync(browser.Browser, call.AgentUrl);
        var guard = new CardDigitGuard(Declined, Expiry, Cvv);
        var scenario = new PaymentScenario(call, page, guard);

        await scenario.CaptureCardAsync(Declined, Expiry, Cvv);
        await page.Button("Take payment").ClickAsync();

        await Expect(page.Page.Locator("#outcome-text")).ToHaveTextAsync("Declined: Insufficient funds — ask for another card", new() { Timeout = 30_000 });
        await Expect(page.Page.Locator("#outcome-next")).ToContainTextAsync("start a new payment");
        await Expect(page.Page.Locator("#refund-form")).ToBeHiddenAsync();
        await page.ScreenshotAsync("07-declined");
        await scenario.AssertPageCleanAsync("declined", last4Allowed: true);
        await scenario.AssertNetworkCleanAsync();
    }

    [Fact]
    public async Task InvalidCardNumber_SaysWhy_AndResetLetsTheCustomerKeyItAgain()
    {
        const string NotLuhn = "4242424242424241";
        var ct = TestContext.Current.CancellationToken;
        await using var call = await PhoneCall.StartAsync(stack, PaymentScenario.ChargeRequest(), ct);
        await using var page = await AgentPage.OpenAsync(browser.Browser, call.AgentUrl);
        var scenario = new PaymentScenario(call, page, new CardDigitGuard(NotLuhn, Expiry, Cvv));

        // Not Luhn-valid: it cannot complete by itself; the customer ends it with '#'.
        await scenario.CaptureAsync("card_number", "Capture card number", NotLuhn + "#", "invalid");
        var number = page.Field("card_number");
        await Expect(number.Locator(".field-error")).ToHaveTextAsync("That card number is not valid. Ask the customer to key it again.");
        await Expect(number.Locator(".field-info")).ToContainTextAsync("2 attempts left");
        await Expect(number.Locator(".field-info")).Not.ToContainTextAsync("ending");
        await Expect(page.Button("Take payment")).ToBeDisabledAsync();
        await scenario.AssertPageCleanAsync("invalid", last4Allowed: false);
        await page.ScreenshotAsync("08-invalid");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Reset card number" }).ClickAsync();
        await Expect(number).ToHaveAttributeAsync("data-state", "empty");
        await Expect(number.Locator(".masked")).ToHaveTextAsync("");
        await Expect(number.Locator(".field-error")).ToHaveTextAsync("");
        await page.ScreenshotAsync("09-reset");

        await scenario.CaptureAsync("card_number", "Capture card number", Visa, "complete");
        await Expect(number.Locator(".field-info")).ToContainTextAsync("Visa ending 4242");
        new CardDigitGuard(NotLuhn, Expiry, Cvv).AssertClean("page", await page.Page.InnerTextAsync("body"), last4Allowed: false);
        foreach (var body in await page.ReceivedAsync())
        {
            new CardDigitGuard(NotLuhn, Expiry, Cvv).AssertClean("a response", body, last4Allowed: false);
            new CardDigitGuard(Visa, Expiry, Cvv).AssertClean("a response", body, last4Allowed: true);
        }
    }

    [Fact]
    public async Task TamperedLink_ShowsOnlyAClearMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await PhoneCall.StartAsync(stack, PaymentScenario.ChargeRequest(), ct);
        var url = call.AgentUrl;
        var tampered = url[..^2] + (url[^2] == 'A' ? "B" : "A") + url[^1];
        await using var page = await AgentPage.OpenAsync(browser.Browser, tampered);

        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This payment link has expired or is not valid");
        await Expect(page.Page.Locator(".field")).ToHaveCountAsync(0);
        await Expect(page.Page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await page.ScreenshotAsync("10-link-invalid");
    }

    [Fact]
    public async Task Page_SendsAStrictContentSecurityPolicy_AndIsNotFramedByOtherOrigins()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await PhoneCall.StartAsync(stack, PaymentScenario.ChargeRequest(), ct);
        using var response = await call.Http.GetAsync(call.AgentUrl, ct);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'sha256-", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());

        // A page of another origin that tries to embed the link: the browser refuses the frame.
        await using var host = await AgentPage.OpenAsync(browser.Browser, "about:blank");
        await host.Page.SetContentAsync($"<iframe id=f src=\"{call.AgentUrl}\" width=360 height=600></iframe>");
        var frame = host.Page.FrameLocator("#f");
        await Expect(frame.Locator("#status")).ToHaveCountAsync(0);
    }

    private static async Task RecordKeyPressDelayAsync(AgentPage page, IReadOnlyList<PciCloud.LocalStack.Demo.AudioSegment> tones)
    {
        // Measured, not asserted: from the end of each key's tone leaving the phone to the
        // page showing one more asterisk (the detector confirms a key only after its tone).
        var log = (await page.MaskLogAsync()).Where(e => e.Field == "card_number").ToList();
        var delays = new List<double>();
        for (var i = 0; i < tones.Count; i++)
        {
            var shown = log.FirstOrDefault(e => e.Stars == i + 1);
            if (shown.At > 0 && tones[i].Sent.IsCompletedSuccessfully)
            {
                delays.Add(shown.At - tones[i].Sent.Result.ToUnixTimeMilliseconds());
            }
        }
        if (delays.Count == 0)
        {
            return;
        }
        delays.Sort();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"key press (tone end) to asterisk on screen: n={delays.Count} median={delays[delays.Count / 2]:0} ms max={delays[^1]:0} ms min={delays[0]:0} ms");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        await File.AppendAllTextAsync(Artifacts.PathFor("keypress-delay.txt"), DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) + " " + line + Environment.NewLine);
    }
}
