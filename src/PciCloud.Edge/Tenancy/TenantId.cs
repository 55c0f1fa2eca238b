namespace PciCloud.Edge.Tenancy;

/// <summary>Tenant (and region) ids: 1-64 lower-case letters, digits and '-' (API.md).</summary>
public static class TenantId
{
    public const int MaxLength = 64;

    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > MaxLength)
        {
            return false;
        }
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }
        return true;
    }
}
