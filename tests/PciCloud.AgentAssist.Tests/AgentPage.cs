using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace PciCloud.AgentAssist.Tests;

/// <summary>
/// The Agent Assist page in a real browser, with everything it receives recorded: every HTTP
/// response body, and every server-sent event (from the browser's network layer, via CDP).
/// </summary>
public sealed class AgentPage : IAsyncDisposable
{
    // Records when the number of asterisks of each field changes (wall clock, ms since epoch).
    private const string MaskLogScript = """
        window.__maskLog = [];
        document.addEventListener('DOMContentLoaded', () => {
          new MutationObserver(() => {
            document.querySelectorAll('.field').forEach(f => {
              const n = f.querySelector('.masked').textContent.replace(/[^*]/g, '').length;
              const last = window.__maskLog.filter(x => x.f === f.dataset.field).pop();
              if (!last || last.n !== n) { window.__maskLog.push({ f: f.dataset.field, n: n, t: Date.now() }); }
            });
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        """;

    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<Task<string>> _bodies = new();
    private readonly ConcurrentQueue<string> _events = new();

    private AgentPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<AgentPage> OpenAsync(IBrowser browser, string url, int width = 360)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var agent = new AgentPage(context, page);
        await page.AddInitScriptAsync(MaskLogScript);
        var cdp = await context.NewCDPSessionAsync(page);
        cdp.Event("Network.eventSourceMessageReceived").OnEvent += (_, e) =>
        {
            if (e is { } json && json.TryGetProperty("data", out var data))
            {
                agent._events.Enqueue(data.GetString() ?? "");
            }
        };
        await cdp.SendAsync("Network.enable");
        page.Response += (_, response) =>
        {
            var type = response.Headers.GetValueOrDefault("content-type", "");
            if (!type.StartsWith("text/event-stream", StringComparison.Ordinal))
            {
                agent._bodies.Enqueue(BodyOf(response));
            }
        };
        await page.GotoAsync(url);
        return agent;
    }

    /// <summary>Every response body and server-sent event the page has received so far.</summary>
    public async Task<IReadOnlyList<string>> ReceivedAsync()
    {
        var bodies = await Task.WhenAll(_bodies.ToArray());
        return [.. bodies, .. _events];
    }

    public int EventCount => _events.Count;

    public ILocator Field(string name) => Page.Locator($".field[data-field=\"{name}\"]");

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task<IReadOnlyList<(string Field, int Stars, long At)>> MaskLogAsync()
    {
        var log = await Page.EvaluateAsync<JsonElement>("() => window.__maskLog");
        return log.EnumerateArray()
            .Select(e => (e.GetProperty("f").GetString()!, e.GetProperty("n").GetInt32(), (long)e.GetProperty("t").GetDouble()))
            .ToList();
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathFor(name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private static async Task<string> BodyOf(IResponse response)
    {
        try
        {
            return await response.TextAsync();
        }
        catch (PlaywrightException)
        {
            // Bodies of redirects or aborted requests are not available; they carry nothing.
            return "";
        }
    }
}
