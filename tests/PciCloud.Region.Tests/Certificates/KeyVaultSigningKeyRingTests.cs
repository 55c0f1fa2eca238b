using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Time.Testing;
using PciCloud.Media.Certificates;
using PciCloud.Region.Certificates;
using PciCloud.Region.Tests.Secrets;

namespace PciCloud.Region.Tests.Certificates;

/// <summary>
/// The region's signing keys from a Key Vault certificate, over HTTPS to the local vault: CertificateClient
/// for the versions and their public keys, SecretClient for the private key behind the newest one.
/// </summary>
public sealed class KeyVaultSigningKeyRingTests : IAsyncLifetime
{
    private const string Name = "masking-certificate-signing";
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"callId":"call_x"}""");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private LocalKeyVault _vault = null!;
    private HttpClientHandler _handler = null!;
    private KeyVaultSigningKeyRing _ring = null!;

    public async ValueTask InitializeAsync()
    {
        _vault = await LocalKeyVault.StartAsync(TestContext.Current.CancellationToken);
        var thumbprint = _vault.Certificate.Thumbprint;
        _handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint };
        var transport = new HttpClientTransport(_handler);
        var certificates = new CertificateClient(_vault.Uri, new VaultToken(), new CertificateClientOptions { DisableChallengeResourceVerification = true, Transport = transport });
        var secrets = new SecretClient(_vault.Uri, new VaultToken(), new SecretClientOptions { DisableChallengeResourceVerification = true, Transport = transport });
        _ring = new KeyVaultSigningKeyRing(certificates, secrets, Name, _time, Ttl);
    }

    public async ValueTask DisposeAsync()
    {
        _handler.Dispose();
        await _vault.DisposeAsync();
    }

    [Fact]
    public async Task Current_SignsWithTheCertificatesPrivateKey_VerifiableWithItsPublishedKey()
    {
        using var publicKey = _vault.AddCertificateVersion(Name, _time.GetUtcNow());

        var current = await _ring.CurrentAsync(TestContext.Current.CancellationToken);
        var jws = Es256Jws.Sign(Payload, current.KeyId, current.Key);
        var published = await _ring.PublishedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(EcJsonWebKey.Thumbprint(publicKey), current.KeyId);
        Assert.Equal([current.KeyId], published.Select(k => k.KeyId));
        Assert.True(Es256Jws.Verify(jws, kid => published.FirstOrDefault(k => k.KeyId == kid)?.Key).Valid);
        Assert.True(Es256Jws.Verify(jws, _ => publicKey).Valid);
    }

    [Fact]
    public async Task Rotation_NewVersionSigns_OldVersionStaysPublished_OldCertificatesStillVerify()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = _vault.AddCertificateVersion(Name, _time.GetUtcNow());
        var before = await _ring.CurrentAsync(ct);
        var oldJws = Es256Jws.Sign(Payload, before.KeyId, before.Key);

        using var second = _vault.AddCertificateVersion(Name, _time.GetUtcNow().AddMinutes(1));
        Assert.Equal(before.KeyId, (await _ring.CurrentAsync(ct)).KeyId); // cached until the TTL ends
        _time.Advance(Ttl + TimeSpan.FromSeconds(1));
        var after = await _ring.CurrentAsync(ct);
        var newJws = Es256Jws.Sign(Payload, after.KeyId, after.Key);
        var published = await _ring.PublishedAsync(ct);

        Assert.Equal(EcJsonWebKey.Thumbprint(second), after.KeyId);
        Assert.NotEqual(before.KeyId, after.KeyId);
        Assert.Equal(new[] { before.KeyId, after.KeyId }.Order(StringComparer.Ordinal), published.Select(k => k.KeyId).Order(StringComparer.Ordinal));
        Assert.True(Es256Jws.Verify(oldJws, kid => published.FirstOrDefault(k => k.KeyId == kid)?.Key).Valid);
        Assert.True(Es256Jws.Verify(newJws, kid => published.FirstOrDefault(k => k.KeyId == kid)?.Key).Valid);
    }

    [Fact]
    public async Task DisabledVersion_IsNoLongerPublished()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = _vault.AddCertificateVersion(Name, _time.GetUtcNow());
        using var second = _vault.AddCertificateVersion(Name, _time.GetUtcNow().AddMinutes(1));
        _vault.DisableCertificateVersion(Name, 0);

        var published = await _ring.PublishedAsync(ct);

        Assert.Equal([EcJsonWebKey.Thumbprint(second)], published.Select(k => k.KeyId));
    }

    [Fact]
    public async Task NoSuchCertificate_Throws_NothingIsSigned()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => _ring.CurrentAsync(TestContext.Current.CancellationToken));
    }

    private sealed class VaultToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(LocalKeyVault.Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
