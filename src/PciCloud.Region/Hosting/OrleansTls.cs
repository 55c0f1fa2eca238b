using Orleans.Connections.Security;
using PciCloud.ServiceDefaults;

namespace PciCloud.Region.Hosting;

/// <summary>
/// Orleans connection security on the silo (silo-to-silo and client-to-silo): digits cross these
/// connections. Both sides present a certificate and each must chain to the region's CA; the keys are
/// read by <see cref="OrleansTlsCertificates"/>, which the masking workers use too.
/// </summary>
internal static class OrleansTls
{
    public static void Configure(ISiloBuilder silo, IConfiguration configuration)
    {
        if (OrleansTlsCertificates.Load(configuration) is not { } tls)
        {
            return;
        }

        silo.UseTls(tls.Certificate, options =>
        {
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            if (tls.Ca is { } ca)
            {
                options.RemoteCertificateValidation = (remote, _, _) => OrleansTlsCertificates.ChainsTo(remote, ca);
            }
        });
    }
}
