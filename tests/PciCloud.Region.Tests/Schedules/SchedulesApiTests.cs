using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Schedules;
using PciCloud.Grains.Schedules;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Schedules;

/// <summary>
/// API.md "schedules": a recurring session's schedule charges its token each period, driven by the
/// reminder (fired here by hand, as the reminder service does) on a clock the test moves.
/// </summary>
public sealed class SchedulesApiTests(ControlledRegion region) : IClassFixture<ControlledRegion>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Monthly_EachPeriodChargedExactlyOnce_EvenWhenTheReminderFiresTwice_ThenCompleted()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var scheduleId = await StartAsync(client, amount: 8101, new { interval = "month", count = 3 });
        var first = await WaitForChargesAsync(client, scheduleId, 1);
        Assert.Equal("active", (string?)first["status"]);
        Assert.Equal(0, (int)first["charges"]![0]!["period"]!);

        await FireTwiceAsync(scheduleId);
        Assert.Single((await GetAsync(client, scheduleId))["charges"]!.AsArray()); // nothing new is due yet
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 8101);

        region.Clock.Advance(TimeSpan.FromDays(31));
        await FireTwiceAsync(scheduleId);
        var second = await GetAsync(client, scheduleId);
        Assert.Equal(["succeeded", "succeeded"], second["charges"]!.AsArray().Select(c => (string)c!["status"]!));
        Assert.Equal(2, region.Sandbox().Ledger().Count(e => e.AmountMinorUnits == 8101 && e.Kind == "token_charge"));

        region.Clock.Advance(TimeSpan.FromDays(31));
        await FireTwiceAsync(scheduleId);
        var done = await GetAsync(client, scheduleId);
        Assert.Equal("completed", (string?)done["status"]);
        Assert.Null(done["nextChargeAt"]);
        Assert.Equal(3, region.Sandbox().Ledger().Count(e => e.AmountMinorUnits == 8101));

        var payment = await (await client.GetAsync($"/v1/payments/{(string)done["charges"]![2]!["paymentId"]!}", Ct)).BodyAsync();
        Assert.Equal("succeeded", (string?)payment["status"]);
        Assert.Equal(scheduleId, (string?)payment["scheduleId"]);
        Assert.Equal(2, (int)payment["period"]!);
        Assert.Equal((string?)done["tokenId"], (string?)payment["tokenId"]);
    }

    [Fact]
    public async Task AnswerLost_PeriodStaysCharging_NextWakeUpResendsSameKey_ChargedOnce()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        region.Gateways.LoseNextAnswers(LossyGatewayResolver.TokenCharge, 1);
        var lostBefore = region.Gateways.AnswersLost;
        var scheduleId = await StartAsync(client, amount: 8606, new { interval = "month", count = 2 });

        JsonNode? schedule = null;
        await Waiting.UntilAsync(async () =>
        {
            schedule = await GetAsync(client, scheduleId);
            return schedule["charges"]!.AsArray().Count == 1 && region.Gateways.AnswersLost > lostBefore;
        }, "the first period's lost answer");
        var paymentId = (string)schedule!["charges"]![0]!["paymentId"]!;
        Assert.Equal("charging", (string?)schedule["charges"]![0]!["status"]);
        Assert.Equal("pending", (string?)(await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync())["status"]);
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 8606); // the gateway did charge

        await FireTwiceAsync(scheduleId);
        var settled = await GetAsync(client, scheduleId);
        Assert.Equal("succeeded", (string?)settled["charges"]!.AsArray().Single()!["status"]);
        Assert.Equal("succeeded", (string?)(await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync())["status"]);
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 8606);
    }

    [Fact]
    public async Task StartDateInTheFuture_NothingChargedBefore_NextChargeAtIsTheStart()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var start = DateOnly.FromDateTime(region.Clock.GetUtcNow().UtcDateTime).AddDays(10);
        var scheduleId = await StartAsync(client, amount: 8202, new { interval = "week", startDate = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        await FireTwiceAsync(scheduleId);
        var schedule = await GetAsync(client, scheduleId);
        Assert.Empty(schedule["charges"]!.AsArray());
        Assert.Equal(new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), DateTimeOffset.Parse((string)schedule["nextChargeAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("week", (string?)schedule["interval"]);
        Assert.DoesNotContain(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 8202);

        region.Clock.Advance(TimeSpan.FromDays(10));
        await FireTwiceAsync(scheduleId);
        Assert.Single((await GetAsync(client, scheduleId))["charges"]!.AsArray());
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 8202);
    }

    [Fact]
    public async Task Cancel_StopsCharging_CancelTwice409()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var scheduleId = await StartAsync(client, amount: 8303, new { interval = "week" });
        await WaitForChargesAsync(client, scheduleId, 1);

        var cancelled = await client.PostJsonAsync($"/v1/schedules/{scheduleId}/cancel", new { });
        var body = await cancelled.BodyAsync();
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (string?)body["status"]);
        Assert.NotNull((string?)body["cancelledAt"]);
        await (await client.PostJsonAsync($"/v1/schedules/{scheduleId}/cancel", new { })).AssertProblemAsync(409, "invalid_state");

        region.Clock.Advance(TimeSpan.FromDays(8));
        await FireTwiceAsync(scheduleId);
        Assert.Single((await GetAsync(client, scheduleId))["charges"]!.AsArray());
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 8303);
    }

    [Fact]
    public async Task DeclinedPeriod_RecordedFailed_ScheduleChargedWebhookSent_NoCardData()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = region.ClientWithKey(RegionApplication.KeyB);
        var put = await client.PutAsJsonAsync("/v1/webhook-endpoint", new { url = receiver.Url, events = new[] { "schedule.charged" } }, JsonSerializerOptions.Web, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var scheduleId = await StartAsync(client, amount: 8404, new { interval = "year", count = 2 }, "4000000000000341");
        var schedule = await WaitForChargesAsync(client, scheduleId, 1);
        Assert.Equal("failed", (string?)schedule["charges"]![0]!["status"]);

        var delivery = await receiver.NextAsync();
        var evt = JsonNode.Parse(delivery.Body)!;
        Assert.Equal("schedule.charged", (string?)evt["type"]);
        Assert.Equal(scheduleId, (string?)evt["data"]!["object"]!["scheduleId"]);
        Assert.Equal("failed", (string?)evt["data"]!["object"]!["status"]);
        Assert.Equal("card_declined", (string?)evt["data"]!["object"]!["declineCode"]);
        Assert.DoesNotContain("4000000000000341", delivery.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("000000", delivery.Body, StringComparison.Ordinal);

        var audit = (await AuditPages.AllAsync(client));
        Assert.Contains(audit, e => (string?)e!["action"] == "schedule.charged" && (string?)e["objectId"] == (string?)schedule["charges"]![0]!["paymentId"]
            && (string?)e["outcome"] == "card_declined" && (string?)e["actor"] == "schedule");
    }

    [Fact]
    public async Task UnknownOrOtherTenantsSchedule_404_AndStillActive()
    {
        var a = region.ClientWithKey(RegionApplication.KeyA);
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scheduleId = await StartAsync(a, amount: 8505, new { interval = "month", startDate = start });

        await (await b.GetAsync($"/v1/schedules/{scheduleId}", Ct)).AssertProblemAsync(404, "not_found");
        await (await b.PostJsonAsync($"/v1/schedules/{scheduleId}/cancel", new { })).AssertProblemAsync(404, "not_found");
        await (await a.GetAsync("/v1/schedules/sch_unknown000000000000000000", Ct)).AssertProblemAsync(404, "not_found");
        await (await a.PostJsonAsync("/v1/schedules/sch_unknown000000000000000000/cancel", new { })).AssertProblemAsync(404, "not_found");
        await (await a.GetAsync("/v1/schedules/pay_notaschedule", Ct)).AssertProblemAsync(404, "not_found");
        Assert.Equal("active", (string?)(await GetAsync(a, scheduleId))["status"]);
    }

    private async Task<string> StartAsync(HttpClient client, long amount, object recurring, string card = PaidSessions.Card)
    {
        var session = await region.SubmitAsync(client, new { intent = "recurring", amount, currency = "USD", recurring }, card);
        Assert.Equal("succeeded", (string?)session["status"]);
        var scheduleId = (string)session["result"]!["scheduleId"]!;
        Assert.StartsWith("sch_", scheduleId, StringComparison.Ordinal);
        return scheduleId;
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string scheduleId)
    {
        var response = await client.GetAsync($"/v1/schedules/{scheduleId}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.BodyAsync();
    }

    /// <summary>The first period is charged by a timer right after the schedule starts: wait until it has settled.</summary>
    private static async Task<JsonNode> WaitForChargesAsync(HttpClient client, string scheduleId, int count)
    {
        JsonNode? schedule = null;
        await Waiting.UntilAsync(async () =>
        {
            schedule = await GetAsync(client, scheduleId);
            var charges = schedule["charges"]!.AsArray();
            return charges.Count == count && charges.All(c => (string?)c!["status"] != "charging");
        }, $"{count} settled charge(s) of {scheduleId}");
        return schedule!;
    }

    /// <summary>The reminder fires twice at once (a duplicate tick, as after a silo restart).</summary>
    private Task FireTwiceAsync(string scheduleId)
    {
        var remindable = region.Grains.GetGrain<IScheduleGrain>(scheduleId).AsReference<IRemindable>();
        return Task.WhenAll(
            remindable.ReceiveReminder(ScheduleGrain.ReminderName, default),
            remindable.ReceiveReminder(ScheduleGrain.ReminderName, default));
    }
}
