using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using PciCloud.Grains.Secrets;

namespace PciCloud.Region.Secrets;

public static class SecretStoreExtensions
{
    /// <summary>
    /// Key Vault when "KeyVault:Uri" is set (DefaultAzureCredential unless a TokenCredential is
    /// registered, as tests do), else the local store. Cached for "KeyVault:CacheSeconds" (default 30).
    /// </summary>
    public static IHostApplicationBuilder AddSecretStore(this IHostApplicationBuilder builder)
    {
        var vaultUri = builder.Configuration["KeyVault:Uri"];
        var ttl = TimeSpan.FromSeconds(builder.Configuration.GetValue("KeyVault:CacheSeconds", 30));
        if (string.IsNullOrWhiteSpace(vaultUri))
        {
            builder.Services.AddSingleton<LocalSecretStore>();
            builder.Services.AddSingleton<ISecretStore>(sp => sp.GetRequiredService<LocalSecretStore>());
            return builder;
        }

        builder.Services.AddSingleton(sp =>
        {
            var credential = sp.GetService<TokenCredential>() ?? new DefaultAzureCredential();
            var options = sp.GetService<SecretClientOptions>() ?? new SecretClientOptions();
            return new SecretClient(new Uri(vaultUri), credential, options);
        });
        builder.Services.AddSingleton<ISecretStore>(sp => new CachingSecretStore(
            new KeyVaultSecretStore(sp.GetRequiredService<SecretClient>()), sp.GetRequiredService<TimeProvider>(), ttl));
        return builder;
    }
}
