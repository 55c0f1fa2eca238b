using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PciCloud.AgentAssist.Tests;

/// <summary>The steps an agent takes on the page while the customer keys on the phone.</summary>
public sealed class PaymentScenario(PhoneCall call, AgentPage page, CardDigitGuard guard)
{
    public static JsonObject ChargeRequest(bool agentCanRefund = false) => new()
    {
        ["intent"] = "charge",
        ["amount"] = 1999,
        ["currency"] = "GBP",
        ["description"] = "Order 1001: garden chairs",
        ["reference"] = "ORD-1001",
        ["agentId"] = "agent-7",
        ["agentCanRefund"] = agentCanRefund,
    };

    /// <summary>Clicks "Capture ...", lets the customer key <paramref name="keys"/>, waits for <paramref name="finalState"/>.</summary>
    public async Task<IReadOnlyList<PciCloud.LocalStack.Demo.AudioSegment>> CaptureAsync(string field, string buttonName, string keys, string finalState, bool useKeyboard = false)
    {
        var button = page.Button(buttonName);
        await Expect(button).ToBeEnabledAsync();
        if (useKeyboard)
        {
            await button.FocusAsync();
            await page.Page.Keyboard.PressAsync("Enter");
        }
        else
        {
            await button.ClickAsync();
        }
        await Expect(page.Field(field)).ToHaveAttributeAsync("data-state", "capturing");
        var tones = call.Key(keys);
        await Expect(page.Field(field)).ToHaveAttributeAsync("data-state", finalState, new() { Timeout = 30_000 });
        return tones;
    }

    /// <summary>The whole card: number, expiry, security code, each complete.</summary>
    public async Task CaptureCardAsync(string number, string expiry, string securityCode)
    {
        await CaptureAsync("card_number", "Capture card number", number, "complete");
        await CaptureAsync("expiry", "Capture expiry date", expiry, "complete");
        await CaptureAsync("security_code", "Capture security code", securityCode, "complete");
        await Expect(page.Page.Locator("#status")).ToHaveTextAsync("Ready to take payment");
    }

    /// <summary>The page's visible text and HTML hold no card data.</summary>
    public async Task AssertPageCleanAsync(string state, bool last4Allowed)
    {
        guard.AssertClean(state + " (text)", await page.Page.InnerTextAsync("body"), last4Allowed);
        guard.AssertClean(state + " (html)", await page.Page.ContentAsync(), last4Allowed);
    }

    public async Task AssertNetworkCleanAsync()
    {
        foreach (var body in await page.ReceivedAsync())
        {
            guard.AssertClean("a response the page received", body, last4Allowed: true);
        }
    }

    public static async Task AssertFitsWidthAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the viewport");
    }
}
