using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Reports;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Http;
using PciCloud.Region.Reports;

namespace PciCloud.Region.Apis;

/// <summary>API.md "Reports": one row per call of the tenant, JSON pages (cursor) or CSV (Accept: text/csv, the whole range).</summary>
public static class ReportsApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    // Every name of the row, null or not, so a client sees the same shape on every row.
    private static readonly JsonSerializerOptions RowJson = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/reports").WithTags("Reports").WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapGet("/calls", CallsReport);
        return api;
    }

    public static async Task<IResult> CallsReport(
        string? from, string? to, string? cursor, int? limit, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var (f, t, error) = TimeRange.Parse(from, to);
        if (error is not null)
        {
            return error;
        }

        if (!ReportCursor.TryDecode(cursor, out var position))
        {
            return Problems.Invalid("cursor is not a cursor this API returned.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Problems.Invalid($"limit must be between 1 and {MaxLimit}.");
        }

        var index = grains.GetGrain<ITenantCallIndexGrain>(caller.TenantId);
        var csv = WantsCsv(context.Request);
        await audit.RecordAsync(caller.TenantId, caller, csv ? "report.calls.exported" : "report.calls.read", caller.TenantId);
        if (csv)
        {
            return await CsvAsync(index, grains, f, t, position, context.RequestAborted);
        }

        var page = await index.PageAsync(f, t, position, limit ?? DefaultLimit);
        var rows = await RowsAsync(grains, page);
        var next = page.NextPosition is { } p ? ReportCursor.Encode(p) : null;
        return TypedResults.Json(new ListResponse<CallReportRow>(rows, next), RowJson);
    }

    private static async Task<IResult> CsvAsync(
        ITenantCallIndexGrain index, IGrainFactory grains, DateTimeOffset? from, DateTimeOffset? to, int position, CancellationToken ct)
    {
        var csv = new StringBuilder(CallReportCsv.Header).Append("\r\n");
        int? next = position;
        while (next is { } at && !ct.IsCancellationRequested)
        {
            var page = await index.PageAsync(from, to, at, MaxLimit);
            foreach (var row in await RowsAsync(grains, page))
            {
                csv.Append(CallReportCsv.Line(row)).Append("\r\n");
            }

            next = page.NextPosition;
        }

        return TypedResults.Text(csv.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IReadOnlyList<CallReportRow>> RowsAsync(IGrainFactory grains, CallIndexPage page)
    {
        var rows = await Task.WhenAll(page.Entries.Select(e => grains.GetGrain<ICallGrain>(e.CallId).GetReportRowAsync()));
        return [.. rows.OfType<CallReportRow>()];
    }

    private static bool WantsCsv(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}
