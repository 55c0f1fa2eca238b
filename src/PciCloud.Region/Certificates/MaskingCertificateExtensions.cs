using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Secrets;
using PciCloud.Grains.Certificates;

namespace PciCloud.Region.Certificates;

public static class MaskingCertificateExtensions
{
    /// <summary>
    /// The region's masking-certificate keys: the Key Vault certificate "MaskingCertificates:KeyVaultCertificateName"
    /// when "KeyVault:Uri" is set (default name "masking-certificate-signing"), else a local key
    /// ("MaskingCertificates:LocalKeyPem", or a new one per process).
    /// </summary>
    public static IHostApplicationBuilder AddMaskingCertificates(this IHostApplicationBuilder builder)
    {
        var vaultUri = builder.Configuration["KeyVault:Uri"];
        var region = builder.Configuration["Region:Name"] ?? "us";
        if (string.IsNullOrWhiteSpace(vaultUri))
        {
            builder.Services.AddSingleton<ISigningKeyRing>(_ => new LocalSigningKeyRing(builder.Configuration["MaskingCertificates:LocalKeyPem"]));
        }
        else
        {
            var name = builder.Configuration["MaskingCertificates:KeyVaultCertificateName"] ?? "masking-certificate-signing";
            var ttl = TimeSpan.FromSeconds(builder.Configuration.GetValue("KeyVault:CacheSeconds", 30));
            builder.Services.AddSingleton<ISigningKeyRing>(sp =>
            {
                var credential = sp.GetService<TokenCredential>() ?? new DefaultAzureCredential();
                var options = sp.GetService<CertificateClientOptions>() ?? new CertificateClientOptions();
                var certificates = new CertificateClient(new Uri(vaultUri), credential, options);
                return new KeyVaultSigningKeyRing(certificates, sp.GetRequiredService<SecretClient>(), name, sp.GetRequiredService<TimeProvider>(), ttl);
            });
        }

        builder.Services.AddSingleton<IMaskingCertificateSigner>(sp => new MaskingCertificateSigner(sp.GetRequiredService<ISigningKeyRing>(), region));
        return builder;
    }
}
