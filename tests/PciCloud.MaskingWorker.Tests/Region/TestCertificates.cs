using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// A throwaway private CA with a silo and a worker certificate, as cert-manager would issue them; the
/// worker's is written as the PKCS#12 keystore + ca.crt the chart mounts.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    public const string KeystorePassword = "test-keystore-password";

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("pcicloud-tls-").FullName;

    public TestCertificates(string caName = "PciCloud test region CA")
    {
        Ca = CreateCa(caName);
        Silo = Issue("silo");
        Worker = Issue("masking-worker");
        KeystorePath = Path.Combine(_directory, "keystore.p12");
        CaPath = Path.Combine(_directory, "ca.crt");
        File.WriteAllBytes(KeystorePath, Worker.Export(X509ContentType.Pfx, KeystorePassword));
        File.WriteAllText(CaPath, Ca.ExportCertificatePem());
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Silo { get; }

    public X509Certificate2 Worker { get; }

    public string KeystorePath { get; }

    public string CaPath { get; }

    /// <summary>The worker's Orleans:Tls:* settings, as the chart sets them.</summary>
    public string[] WorkerArgs =>
    [
        $"--Orleans:Tls:CertificatePath={KeystorePath}",
        $"--Orleans:Tls:CertificatePassword={KeystorePassword}",
        $"--Orleans:Tls:CaCertificatePath={CaPath}",
    ];

    /// <summary>Thumbprints of the certificates the silo was shown (proof the link used TLS with them).</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> SeenBySilo { get; } = [];

    public bool IsIssuedByCa(X509Certificate2? remote)
    {
        if (remote is null)
        {
            return false;
        }

        SeenBySilo.Add(remote.Thumbprint);

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Silo.Dispose();
        Worker.Dispose();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private X509Certificate2 Issue(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false)); // server and client auth
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(Ca, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(12), serial);
        return issued.CopyWithPrivateKey(key);
    }
}
