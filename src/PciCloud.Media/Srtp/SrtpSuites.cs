namespace PciCloud.Media.Srtp;

/// <summary>Names and sizes of the <see cref="SrtpSuite"/> values (RFC 4568 section 6.2).</summary>
public static class SrtpSuites
{
    /// <summary>Master key length in bytes (128 bits).</summary>
    public const int MasterKeyLength = 16;

    /// <summary>Master salt length in bytes (112 bits).</summary>
    public const int MasterSaltLength = 14;

    /// <summary>The longest tag any suite appends (HMAC-SHA1-80).</summary>
    public const int MaxTagLength = 10;

    /// <summary>The SDES name of <paramref name="suite"/>, as in an <c>a=crypto</c> line.</summary>
    public static string Name(SrtpSuite suite) => suite switch
    {
        SrtpSuite.AesCm128HmacSha1_80 => "AES_CM_128_HMAC_SHA1_80",
        SrtpSuite.AesCm128HmacSha1_32 => "AES_CM_128_HMAC_SHA1_32",
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Not an SRTP suite."),
    };

    /// <summary>Reads an SDES suite name (case-sensitive, as RFC 4568's grammar has it).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out SrtpSuite suite)
    {
        suite = name switch
        {
            "AES_CM_128_HMAC_SHA1_80" => SrtpSuite.AesCm128HmacSha1_80,
            "AES_CM_128_HMAC_SHA1_32" => SrtpSuite.AesCm128HmacSha1_32,
            _ => default,
        };
        return suite != default;
    }

    /// <summary>The authentication tag length in bytes: 10 for _80, 4 for _32.</summary>
    public static int TagLength(SrtpSuite suite) => suite switch
    {
        SrtpSuite.AesCm128HmacSha1_80 => 10,
        SrtpSuite.AesCm128HmacSha1_32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Not an SRTP suite."),
    };
}
