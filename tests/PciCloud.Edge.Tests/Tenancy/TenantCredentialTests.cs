using PciCloud.Edge.Tenancy;

namespace PciCloud.Edge.Tests.Tenancy;

public sealed class TenantCredentialTests
{
    [Theory]
    [InlineData("sk_acme_s3cr3t", "acme")]
    [InlineData("sk_acme-2_abc_def", "acme-2")]
    [InlineData("acme.eyJwIjoxfQ.c2ln", "acme")]
    [InlineData("t-1.payload.sig-nature_", "t-1")]
    public void TryGetTenant_WellFormed_ReturnsTheTenantPart(string credential, string expected)
    {
        Assert.True(TenantCredential.TryGetTenant(credential, out var tenant));
        Assert.Equal(expected, tenant.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sk_")]
    [InlineData("sk_acme")]
    [InlineData("sk_acme_")]
    [InlineData("sk__secret")]
    [InlineData("sk_Acme_secret")]
    [InlineData("sk_acme_sec ret")]
    [InlineData("sk_acme_sec\r\nX-Tenant: other")]
    [InlineData("acme")]
    [InlineData("acme.payload")]
    [InlineData("acme.payload.")]
    [InlineData(".payload.sig")]
    [InlineData("acme..sig")]
    [InlineData("acme.a.b.c")]
    [InlineData("ac_me.payload.sig")]
    public void TryGetTenant_Malformed_IsRefused(string credential)
    {
        Assert.False(TenantCredential.TryGetTenant(credential, out _));
    }

    [Fact]
    public void TryGetTenant_TooLongTenant_IsRefused()
    {
        Assert.False(TenantCredential.TryGetTenant($"sk_{new string('a', TenantId.MaxLength + 1)}_secret", out _));
        Assert.True(TenantCredential.TryGetTenant($"sk_{new string('a', TenantId.MaxLength)}_secret", out _));
    }

    [Theory]
    [InlineData("Bearer sk_a_b", "sk_a_b")]
    [InlineData("bearer   tok", "tok")]
    [InlineData("Basic abc", "")]
    [InlineData("Bearer", "")]
    [InlineData("Bearer ", "")]
    public void BearerToken_ReadsOnlyTheBearerScheme(string header, string expected)
    {
        Assert.Equal(expected, TenantCredential.BearerToken(header).ToString());
    }
}
