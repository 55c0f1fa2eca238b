using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace PciCloud.MaskingWorker.Hosting;

/// <summary>
/// TLS on the worker's connections to the silos' gateways (key presses cross them). The same keys as the
/// region host (src/PciCloud.Region/Hosting/OrleansTls.cs): "Orleans:Tls:CertificatePath" (a PKCS#12
/// keystore, password in "Orleans:Tls:CertificatePassword") is the client certificate the silos require,
/// "Orleans:Tls:CaCertificatePath" the region's private CA the silo's certificate must chain to. Without
/// CertificatePath, no TLS (local stack and tests).
/// </summary>
internal static class RegionConnectionTls
{
    public static void Configure(IClientBuilder client, IConfiguration configuration)
    {
        var path = configuration["Orleans:Tls:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Orleans:Tls:CertificatePassword"]);
        var caPath = configuration["Orleans:Tls:CaCertificatePath"];
        var ca = string.IsNullOrWhiteSpace(caPath) ? null : X509CertificateLoader.LoadCertificateFromFile(caPath);
        client.UseTls(certificate, options =>
        {
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            if (ca is not null)
            {
                // The silos are reached by pod IP, which no certificate names: trust is the private CA alone.
                options.RemoteCertificateValidation = (remote, _, _) => ChainsTo(remote, ca);
            }
        });
    }

    /// <summary>True when <paramref name="remote"/> chains to <paramref name="ca"/> (and to nothing else).</summary>
    internal static bool ChainsTo(X509Certificate2? remote, X509Certificate2 ca)
    {
        if (remote is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote);
    }
}
