using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace PciCloud.Region.Hosting;

/// <summary>
/// Orleans connection security (silo-to-silo and client-to-silo). Digits cross these connections, so
/// production sets "Orleans:Tls:CertificatePath" (a PFX, password in "Orleans:Tls:CertificatePassword")
/// and "Orleans:Tls:CaCertificatePath" (the region's private CA): both sides present a certificate
/// and each must chain to that CA. Without CertificatePath, TLS is off (local stack and tests).
/// The masking worker, an Orleans client, sets the same keys.
/// </summary>
internal static class OrleansTls
{
    public static void Configure(ISiloBuilder silo, IConfiguration configuration)
    {
        var path = configuration["Orleans:Tls:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Orleans:Tls:CertificatePassword"]);
        var caPath = configuration["Orleans:Tls:CaCertificatePath"];
        var ca = string.IsNullOrWhiteSpace(caPath) ? null : X509CertificateLoader.LoadCertificateFromFile(caPath);
        silo.UseTls(certificate, options =>
        {
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            if (ca is not null)
            {
                options.RemoteCertificateValidation = (remote, _, _) => ChainsTo(remote, ca);
            }
        });
    }

    private static bool ChainsTo(X509Certificate2? remote, X509Certificate2 ca)
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
