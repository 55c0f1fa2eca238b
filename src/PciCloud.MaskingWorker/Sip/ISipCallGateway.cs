using PciCloud.Contracts.Sip;

namespace PciCloud.MaskingWorker.Sip;

/// <summary>The region's side of SIP calls (the SipCallGrain in production). Implementations throw when the region is unreachable.</summary>
public interface ISipCallGateway
{
    Task<SipCallOpened> OpenAsync(SipCallOpen open, CancellationToken cancellationToken);

    /// <summary>Ends the call in the region (and frees its ports there); nothing happens for an unknown one.</summary>
    Task CloseAsync(string workerId, string sipCallId, CancellationToken cancellationToken);
}
