using Orleans.Connections.Security;
using PciCloud.ServiceDefaults;

namespace PciCloud.MaskingWorker.Hosting;

/// <summary>
/// TLS on the worker's connections to the silos' gateways (key presses cross them), with the same keys
/// as the region host (<see cref="OrleansTlsCertificates"/>): the worker's certificate is the client
/// certificate the silos require; the silo's must chain to the region's CA.
/// </summary>
internal static class RegionConnectionTls
{
    public static void Configure(IClientBuilder client, IConfiguration configuration)
    {
        if (OrleansTlsCertificates.Load(configuration) is not { } tls)
        {
            return;
        }

        client.UseTls(tls.Certificate, options =>
        {
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            if (tls.Ca is { } ca)
            {
                options.RemoteCertificateValidation = (remote, _, _) => OrleansTlsCertificates.ChainsTo(remote, ca);
            }
        });
    }
}
