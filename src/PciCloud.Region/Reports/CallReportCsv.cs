using System.Globalization;
using System.Text;
using PciCloud.Contracts.Calls;

namespace PciCloud.Region.Reports;

/// <summary>
/// The calls report as CSV (RFC 4180): a header row with the JSON names, transports joined with ';'.
/// A tenant-supplied text that a spreadsheet would run as a formula is prefixed with a quote (OWASP CSV injection).
/// </summary>
public static class CallReportCsv
{
    public const string Header =
        "callId,externalId,startedAt,endedAt,paymentSessionInitiated,sessionCount,lastOutcome,amount,currency,brand,last4,declineCode,keyPressesMasked,transports,leaks,maskingCertificate,endReason";

    public static string Line(CallReportRow r)
    {
        var cells = new[]
        {
            r.CallId, Text(r.ExternalId), Time(r.StartedAt), r.EndedAt is { } e ? Time(e) : "",
            r.PaymentSessionInitiated ? "true" : "false", Number(r.SessionCount), Text(r.LastOutcome),
            r.Amount is { } a ? Number(a) : "", Text(r.Currency), Text(r.Brand), Text(r.Last4), Text(r.DeclineCode),
            Number(r.KeyPressesMasked), string.Join(';', r.Transports), Number(r.Leaks), r.MaskingCertificate, r.EndReason ?? "",
        };
        return string.Join(',', cells.Select(Quote));
    }

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Text(string? s) =>
        s is { Length: > 0 } && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s ?? "";

    private static string Quote(string cell)
    {
        if (cell.IndexOfAny([',', '"', '\r', '\n']) < 0)
        {
            return cell;
        }

        return new StringBuilder("\"").Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
