namespace PciCloud.MaskingWorker.Addressing;

/// <summary>
/// The worker could not learn the address tenants must send RTP to. It then never registers with
/// the region's directory: handing out a wrong address would send callers' audio nowhere.
/// </summary>
public sealed class AdvertisedRtpHostUnavailableException : Exception
{
    public AdvertisedRtpHostUnavailableException()
    {
    }

    public AdvertisedRtpHostUnavailableException(string message)
        : base(message)
    {
    }

    public AdvertisedRtpHostUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
