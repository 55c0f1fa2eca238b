using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Time.Testing;
using PciCloud.Grains.Secrets;
using PciCloud.Region.Secrets;

namespace PciCloud.Region.Tests.Secrets;

/// <summary>The Key Vault path end to end: SecretClient over HTTPS to a local vault, behind the cache.</summary>
public sealed class KeyVaultSecretStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private LocalKeyVault _vault = null!;
    private HttpClientHandler _handler = null!;
    private CachingSecretStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _vault = await LocalKeyVault.StartAsync(TestContext.Current.CancellationToken);
        var thumbprint = _vault.Certificate.Thumbprint;
        _handler = new HttpClientHandler
        {
            // Trust exactly the certificate this test generated, nothing else.
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint,
        };
        var options = new SecretClientOptions
        {
            DisableChallengeResourceVerification = true,
            Transport = new HttpClientTransport(_handler),
        };
        var client = new SecretClient(_vault.Uri, new FixedTokenCredential(), options);
        _store = new CachingSecretStore(new KeyVaultSecretStore(client), _time, Ttl);
    }

    public async ValueTask DisposeAsync()
    {
        _handler.Dispose();
        await _vault.DisposeAsync();
    }

    [Fact]
    public async Task Reads_a_secret_from_the_vault()
    {
        _vault.Rotate("gateway-stripe", "sk_test_first");

        var value = await _store.GetAsync("gateway-stripe", TestContext.Current.CancellationToken);

        Assert.Equal("sk_test_first", value);
        Assert.Equal(1, _vault.Reads);
    }

    [Fact]
    public async Task A_missing_secret_is_null()
    {
        var value = await _store.GetAsync("no-such-secret", TestContext.Current.CancellationToken);

        Assert.Null(value);
        Assert.Equal(1, _vault.Reads);
    }

    [Fact]
    public async Task A_secret_set_through_the_store_is_stored_in_the_vault()
    {
        await _store.SetAsync("webhook-signing", "whsec_one", TestContext.Current.CancellationToken);
        _time.Advance(Ttl + TimeSpan.FromSeconds(1));

        Assert.Equal("whsec_one", await _store.GetAsync("webhook-signing", TestContext.Current.CancellationToken));
        Assert.Equal(1, _vault.Reads);
    }

    [Fact]
    public async Task A_secret_rotated_in_the_vault_is_seen_once_the_cache_expires()
    {
        var token = TestContext.Current.CancellationToken;
        _vault.Rotate("gateway-stripe", "sk_test_old");
        Assert.Equal("sk_test_old", await _store.GetAsync("gateway-stripe", token));

        _vault.Rotate("gateway-stripe", "sk_test_new");
        _time.Advance(Ttl - TimeSpan.FromSeconds(1));
        Assert.Equal("sk_test_old", await _store.GetAsync("gateway-stripe", token));
        Assert.Equal(1, _vault.Reads);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("sk_test_new", await _store.GetAsync("gateway-stripe", token));
        Assert.Equal(2, _vault.Reads);
    }

    private sealed class FixedTokenCredential : TokenCredential
    {
        private static readonly AccessToken Token = new(LocalKeyVault.Token, DateTimeOffset.UtcNow.AddHours(1));

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => Token;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Token);
    }
}
