using PciCloud.Contracts.Sip;
using PciCloud.MaskingWorker.Sip;

namespace PciCloud.MaskingWorker.Region;

/// <summary>SIP calls over Orleans: one SipCallGrain per worker and SIP call-id.</summary>
public sealed class OrleansSipCallGateway(IClusterClient client) : ISipCallGateway
{
    public Task<SipCallOpened> OpenAsync(SipCallOpen open, CancellationToken cancellationToken) =>
        client.GetGrain<ISipCallGrain>(ISipCallGrain.KeyOf(open.WorkerId, open.SipCallId)).OpenAsync(open).WaitAsync(cancellationToken);

    public Task CloseAsync(string workerId, string sipCallId, CancellationToken cancellationToken) =>
        client.GetGrain<ISipCallGrain>(ISipCallGrain.KeyOf(workerId, sipCallId)).CloseAsync().WaitAsync(cancellationToken);
}
