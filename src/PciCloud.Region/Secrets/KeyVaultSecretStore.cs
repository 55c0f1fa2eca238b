using Azure;
using Azure.Security.KeyVault.Secrets;
using PciCloud.Grains.Secrets;

namespace PciCloud.Region.Secrets;

/// <summary>The region's Azure Key Vault (workload identity in AKS through DefaultAzureCredential).</summary>
public sealed class KeyVaultSecretStore(SecretClient client) : ISecretStore
{
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var secret = await client.GetSecretAsync(name, cancellationToken: cancellationToken);
            return secret.Value.Properties.Enabled == false ? null : secret.Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default) =>
        await client.SetSecretAsync(name, value, cancellationToken);
}
