namespace PciCloud.Payments.Gateways;

/// <summary>Idempotency keys: 1 to 255 printable ASCII characters (API.md; the same bound as Stripe).</summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 255;

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A key for a sub-request derived from the caller's key (so a retry derives the same one).</summary>
    public static string Derive(string key, string step) => key.Length + step.Length + 1 <= MaxLength
        ? $"{key}:{step}"
        : $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))}:{step}";
}
