using System.Security.Cryptography;
using PciCloud.Grains.Secrets;

namespace PciCloud.Region.Auth;

/// <summary>HMAC keys kept in the secret store; created (32 random bytes) the first time one is missing.</summary>
public sealed class SigningKeys(ISecretStore secrets)
{
    public async Task<byte[]> GetAsync(string name, CancellationToken cancellationToken)
    {
        var value = await secrets.GetAsync(name, cancellationToken);
        if (value is null)
        {
            value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            await secrets.SetAsync(name, value, cancellationToken);
        }

        return Convert.FromBase64String(value);
    }
}
