using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace PciCloud.ServiceDefaults;

/// <summary>
/// The certificates of Orleans connection security, shared by the region's silos and the masking workers
/// (key presses cross both links): "Orleans:Tls:CertificatePath" (a PKCS#12 keystore, password in
/// "Orleans:Tls:CertificatePassword") and "Orleans:Tls:CaCertificatePath", the region's private CA the
/// other side's certificate must chain to. Without CertificatePath, no TLS (local stack and tests), unless
/// "Orleans:Tls:Required" says TLS is mandatory.
/// </summary>
public sealed class OrleansTlsCertificates
{
    private OrleansTlsCertificates(X509Certificate2 certificate, X509Certificate2? ca)
    {
        Certificate = certificate;
        Ca = ca;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>When set, the only trust anchor: silos are reached by pod IP, which no certificate names.</summary>
    public X509Certificate2? Ca { get; }

    /// <summary>
    /// The configured certificates, or null when TLS is off. With "Orleans:Tls:Required" (the helm chart sets it
    /// on every deployed host) a missing certificate or CA is an error: the host refuses to start in plaintext.
    /// </summary>
    public static OrleansTlsCertificates? Load(IConfiguration configuration)
    {
        var path = configuration["Orleans:Tls:CertificatePath"];
        var caPath = configuration["Orleans:Tls:CaCertificatePath"];
        if (configuration.GetValue<bool>("Orleans:Tls:Required") && (string.IsNullOrWhiteSpace(path) || string.IsNullOrWhiteSpace(caPath)))
        {
            throw new InvalidOperationException(
                "Orleans:Tls:Required is set but Orleans:Tls:CertificatePath or Orleans:Tls:CaCertificatePath is not: " +
                "key presses cross the silo and gateway links, which must not run in plaintext.");
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Orleans:Tls:CertificatePassword"]);
        return new(certificate, string.IsNullOrWhiteSpace(caPath) ? null : X509CertificateLoader.LoadCertificateFromFile(caPath));
    }

    /// <summary>True when <paramref name="remote"/> chains to <paramref name="ca"/> (and to nothing else).</summary>
    public static bool ChainsTo(X509Certificate2? remote, X509Certificate2 ca)
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
