namespace PciCloud.Region.Apis.Models;

/// <summary>
/// A call's signed masking certificate: <c>certificate</c> is the JWS (compact, ES256); <c>sha256</c> is the
/// hex SHA-256 of that text, as the audit event "masking_certificate.issued" states it for a final one.
/// </summary>
public sealed record MaskingCertificateResponse(string CallId, bool Final, string KeyId, DateTimeOffset IssuedAt, string Certificate, string Sha256);
