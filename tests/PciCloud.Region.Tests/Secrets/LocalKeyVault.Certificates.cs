using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PciCloud.Region.Tests.Secrets;

/// <summary>
/// The Key Vault certificates REST subset CertificateClient uses: GET /certificates/{name}/versions,
/// GET /certificates/{name}/{version} (with <c>cer</c> and <c>sid</c>), and the secret behind each version
/// (GET /secrets/{name}/{version}: the PKCS#12, base64, content type application/x-pkcs12).
/// </summary>
internal sealed partial class LocalKeyVault
{
    private readonly ConcurrentDictionary<string, List<CertificateVersion>> _certificates = new(StringComparer.Ordinal);

    /// <summary>Creates a new version of an EC P-256 certificate, as rotating it in the vault does; returns its public key.</summary>
    public ECDsa AddCertificateVersion(string name, DateTimeOffset created)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=pcicloud masking certificates", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(created.AddMinutes(-5), created.AddYears(1));
        var versions = _certificates.GetOrAdd(name, _ => []);
        lock (versions)
        {
            versions.Add(new CertificateVersion(
                Guid.NewGuid().ToString("N"), certificate.RawData, Convert.ToBase64String(certificate.Export(X509ContentType.Pfx)), created, Enabled: true));
        }

        return X509CertificateLoader.LoadCertificate(certificate.RawData).GetECDsaPublicKey()!;
    }

    /// <summary>Disables a version (an operator retiring a key for good).</summary>
    public void DisableCertificateVersion(string name, int index)
    {
        var versions = _certificates[name];
        lock (versions)
        {
            versions[index] = versions[index] with { Enabled = false };
        }
    }

    /// <summary>Answers a certificates request, or the secret behind a certificate version; false when it is neither.</summary>
    private bool TryCertificates(string[] segments, out int status, out JsonObject body)
    {
        (status, body) = (404, Error("CertificateNotFound", "not found"));
        if (segments.Length < 3 || !_certificates.TryGetValue(segments[1], out var versions))
        {
            return segments[0] == "certificates";
        }

        CertificateVersion[] snapshot;
        lock (versions)
        {
            snapshot = [.. versions];
        }

        var name = segments[1];
        if (segments[0] == "certificates" && segments[2] == "versions")
        {
            var list = new JsonArray([.. snapshot.Select(v => (JsonNode)Properties(name, v))]);
            (status, body) = (200, new JsonObject { ["value"] = list, ["nextLink"] = null });
            return true;
        }

        var version = snapshot.FirstOrDefault(v => v.Version == segments[2]);
        if (version is null)
        {
            return segments[0] == "certificates";
        }

        if (segments[0] == "certificates")
        {
            body = Properties(name, version);
            body["kid"] = $"{Uri}keys/{name}/{version.Version}";
            body["sid"] = $"{Uri}secrets/{name}/{version.Version}";
            body["cer"] = Convert.ToBase64String(version.Cer);
            status = 200;
            return true;
        }

        Interlocked.Increment(ref _reads);
        (status, body) = (200, new JsonObject
        {
            ["value"] = version.Pfx,
            ["contentType"] = "application/x-pkcs12",
            ["id"] = $"{Uri}secrets/{name}/{version.Version}",
            ["kid"] = $"{Uri}keys/{name}/{version.Version}",
            ["managed"] = true,
            ["attributes"] = new JsonObject { ["enabled"] = version.Enabled },
        });
        return true;
    }

    private JsonObject Properties(string name, CertificateVersion v) => new()
    {
        ["id"] = $"{Uri}certificates/{name}/{v.Version}",
        ["x5t"] = Convert.ToBase64String(SHA1.HashData(v.Cer)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        ["attributes"] = new JsonObject
        {
            ["enabled"] = v.Enabled,
            ["created"] = v.Created.ToUnixTimeSeconds(),
            ["updated"] = v.Created.ToUnixTimeSeconds(),
        },
    };

    private sealed record CertificateVersion(string Version, byte[] Cer, string Pfx, DateTimeOffset Created, bool Enabled);
}
