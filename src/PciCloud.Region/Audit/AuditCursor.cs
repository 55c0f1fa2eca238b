using System.Buffers.Text;
using System.Globalization;
using System.Text;
using PciCloud.Contracts.Audit;

namespace PciCloud.Region.Audit;

/// <summary>The opaque nextCursor of the audit list: a position in the tenant's trail.</summary>
public static class AuditCursor
{
    private const string Prefix = "audit:";

    public static string Encode(AuditPosition position) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{position.Segment}:{position.Index}")));

    public static bool TryDecode(string? cursor, out AuditPosition position)
    {
        position = AuditPosition.Start;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (cursor.Length > 64 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text[Prefix.Length..].Split(':') is not [var s, var i]
            || !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var segment)
            || !int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        position = new AuditPosition(segment, index);
        return true;
    }
}
