namespace PciCloud.Media.Srtp;

/// <summary>
/// The SRTP crypto suites this implementation speaks (RFC 4568 section 6.2): AES-128 in counter
/// mode with HMAC-SHA1, the tag cut to 80 or to 32 bits. Both share the key sizes and the key
/// derivation; they differ only in the tag length.
/// </summary>
public enum SrtpSuite
{
    /// <summary>AES_CM_128_HMAC_SHA1_80: a 10-byte authentication tag.</summary>
    AesCm128HmacSha1_80 = 1,

    /// <summary>AES_CM_128_HMAC_SHA1_32: a 4-byte authentication tag.</summary>
    AesCm128HmacSha1_32 = 2,
}
