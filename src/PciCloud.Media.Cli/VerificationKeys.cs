using System.Security.Cryptography;
using System.Text.Json;
using PciCloud.Media.Certificates;

namespace PciCloud.Media.Cli;

/// <summary>
/// The public keys a certificate is checked against: a region's JWKS (a URL, e.g. the region's
/// /.well-known/jwks.json, or a saved file), or one PEM public key file (any key id then maps to it).
/// </summary>
internal static class VerificationKeys
{
    public static Func<string, ECDsa?> Load(string? jwks, string? keyFile)
    {
        if ((jwks is null) == (keyFile is null))
        {
            throw new UsageException("give the keys with exactly one of --jwks URL|FILE or --key PUBLIC.pem");
        }

        if (keyFile is not null)
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(keyFile));
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                throw new UsageException($"--key {keyFile}: not a PEM EC public key ({e.Message})");
            }

            return _ => key;
        }

        var text = jwks!.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || jwks.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? Download(new Uri(jwks))
            : File.ReadAllText(jwks);
        try
        {
            var keys = EcJsonWebKey.ParseSet(text);
            return kid => keys.GetValueOrDefault(kid);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new UsageException($"--jwks {jwks}: {e.Message}");
        }
    }

    private static string Download(Uri uri)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            return http.GetStringAsync(uri).GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            throw new IOException($"could not fetch {uri}: {e.Message}", e);
        }
    }
}
