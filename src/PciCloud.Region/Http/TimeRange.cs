using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PciCloud.Region.Http;

/// <summary>The ?from=&amp;to= of list endpoints: RFC 3339 instants, from inclusive, to exclusive; both optional.</summary>
public static class TimeRange
{
    public static (DateTimeOffset? From, DateTimeOffset? To, ProblemHttpResult? Error) Parse(string? from, string? to)
    {
        if (!TryParse(from, out var f) || !TryParse(to, out var t))
        {
            return (null, null, Problems.Invalid("from and to must be RFC 3339 times, e.g. 2026-01-31T00:00:00Z."));
        }

        return f > t ? (null, null, Problems.Invalid("from must not be after to.")) : (f, t, null);
    }

    private static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        // RFC 3339 needs a date, a time and an offset ("Z" or ±hh:mm).
        if (text.Length < 20 || text[10] is not ('T' or 't')
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            || !(text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-'))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
