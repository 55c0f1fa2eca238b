using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PciCloud.Region.Reports;

/// <summary>The opaque nextCursor of the calls report: a position in the tenant's call index.</summary>
public static class ReportCursor
{
    private const string Prefix = "calls:";

    public static string Encode(int position) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out int position)
    {
        position = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (cursor.Length > 64 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }
}
