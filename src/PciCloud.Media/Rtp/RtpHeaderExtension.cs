namespace PciCloud.Media.Rtp;

/// <summary>An RFC 3550 section 5.3.1 header extension to write: a 16-bit profile field and whole 32-bit words of data.</summary>
public readonly ref struct RtpHeaderExtension
{
    public RtpHeaderExtension(ushort profile, ReadOnlySpan<byte> data)
    {
        Profile = profile;
        Data = data;
        IsPresent = true;
    }

    /// <summary>No extension (the X bit stays clear).</summary>
    public static RtpHeaderExtension None => default;

    public ushort Profile { get; }

    /// <summary>The extension data; its length must be a multiple of 4 and at most 65 535 words.</summary>
    public ReadOnlySpan<byte> Data { get; }

    public bool IsPresent { get; }
}
