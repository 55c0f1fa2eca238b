using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Calls;
using PciCloud.Region.Reports;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Reports;

public sealed class CallsReportTests(SharedRegion region)
{
    private static readonly string[] RowNames =
    [
        "callId", "externalId", "startedAt", "endedAt", "paymentSessionInitiated", "sessionCount", "lastOutcome",
        "amount", "currency", "brand", "last4", "declineCode", "keyPressesMasked", "transports", "leaks", "maskingCertificate", "endReason",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Json_PagesWithCursor_RowHasEveryName()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var from = Rfc3339(DateTimeOffset.UtcNow.AddSeconds(-1));
        var ids = await CreateCallsAsync(client, 3, "json");
        await region.Grains.GetGrain<ICallGrain>(ids[0]).ReportMaskingSummary(new MaskingSummary(16, ["inband", "rfc4733"], 0, 0, []));
        await client.PostJsonAsync($"/v1/calls/{ids[0]}/end", new { });

        var rows = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var url = $"/v1/reports/calls?from={Uri.EscapeDataString(from)}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await (await client.GetAsync(url, Ct)).BodyAsync();
            var data = page["data"]!.AsArray();
            Assert.InRange(data.Count, 0, 2);
            rows.AddRange(data.Select(r => r!.AsObject()));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        var mine = rows.Where(r => ids.Contains((string)r["callId"]!)).ToList();
        Assert.Equal(ids, mine.Select(r => (string)r["callId"]!));
        Assert.All(mine, r => Assert.Equal(RowNames, r.Select(p => p.Key)));
        var ended = mine[0];
        Assert.Equal("json-0", (string?)ended["externalId"]);
        Assert.NotNull((string?)ended["endedAt"]);
        Assert.False((bool)ended["paymentSessionInitiated"]!);
        Assert.Equal(0, (int)ended["sessionCount"]!);
        Assert.Equal(16, (int)ended["keyPressesMasked"]!);
        Assert.Equal(["inband", "rfc4733"], ended["transports"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(0, (int)ended["leaks"]!);
        Assert.Null(mine[1]["endedAt"]);
    }

    [Fact]
    public async Task Csv_HeaderIsTheRowNames_TransportsJoinedWithSemicolon()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var from = Rfc3339(DateTimeOffset.UtcNow.AddSeconds(-1));
        var ids = await CreateCallsAsync(client, 2, "csv,\"quoted\"");
        await region.Grains.GetGrain<ICallGrain>(ids[1]).ReportMaskingSummary(new MaskingSummary(3, ["inband", "websocket-dtmf"], 1, 0, []));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/reports/calls?from={Uri.EscapeDataString(from)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RowNames), lines[0]);

        var started = DateTimeOffset.Parse((string)(await (await client.GetAsync($"/v1/calls/{ids[1]}", Ct)).BodyAsync())["startedAt"]!,
            System.Globalization.CultureInfo.InvariantCulture);
        var expected = string.Join(',', ids[1], "\"csv,\"\"quoted\"\"-1\"", CallReportCsv.Time(started), "", "false", "0", "", "", "", "", "", "", "3",
            "inband;websocket-dtmf", "1", $"/v1/calls/{ids[1]}/masking-certificate", "");
        Assert.Contains(expected, lines);
        Assert.Contains(lines, l => l.StartsWith(ids[0] + ",", StringComparison.Ordinal));
    }

    [Fact]
    public void CsvLine_FormulaLikeTextIsDefused()
    {
        var row = new CallReportRow("call_1", "=HYPERLINK(\"x\")", DateTimeOffset.UnixEpoch, null, true, 1, "declined", 1999, "GBP",
            "visa", "4242", "insufficient_funds", 0, [], 0);
        Assert.Equal("call_1,\"'=HYPERLINK(\"\"x\"\")\",1970-01-01T00:00:00.0000000Z,,true,1,declined,1999,GBP,visa,4242,insufficient_funds,0,,0,/v1/calls/call_1/masking-certificate,",
            CallReportCsv.Line(row));
    }

    [Fact]
    public async Task Report_TenantBSeesNoneOfTenantA()
    {
        var a = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var ids = await CreateCallsAsync(a, 2, "iso");

        var json = await (await b.GetAsync("/v1/reports/calls?limit=1000", Ct)).Content.ReadAsStringAsync(Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/reports/calls");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await (await b.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.All(ids, id =>
        {
            Assert.DoesNotContain(id, json, StringComparison.Ordinal);
            Assert.DoesNotContain(id, csv, StringComparison.Ordinal);
        });
        var own = await (await a.GetAsync("/v1/reports/calls?limit=1000", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.All(ids, id => Assert.Contains(id, own, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?cursor=bm9wZQ")]
    [InlineData("?cursor=!!")]
    [InlineData("?limit=0")]
    [InlineData("?limit=5000")]
    [InlineData("?from=last-week")]
    public async Task Report_BadQuery_Problem(string query) =>
        await (await region.ClientWithKey(RegionApplication.KeyA).GetAsync("/v1/reports/calls" + query, Ct)).AssertProblemAsync(400, "invalid_request");

    [Fact]
    public async Task Report_WithoutKey_Unauthenticated() =>
        await (await region.CreateClient().GetAsync("/v1/reports/calls", Ct)).AssertProblemAsync(401, "unauthenticated");

    private static async Task<List<string>> CreateCallsAsync(HttpClient client, int count, string externalPrefix)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostJsonAsync("/v1/calls", new { externalId = $"{externalPrefix}-{i}", media = new { transport = "websocket" } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((string)(await response.BodyAsync())["id"]!);
        }

        return ids;
    }

    private static string Rfc3339(DateTimeOffset t) => CallReportCsv.Time(t);
}
