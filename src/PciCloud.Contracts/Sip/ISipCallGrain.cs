namespace PciCloud.Contracts.Sip;

/// <summary>
/// The region's side of a call a SIP proxy put through a masking worker over the ng protocol
/// (key: <see cref="KeyOf"/>, so a worker that restarted can still close its calls). Opening it checks the tenant, reserves two ports on
/// that worker under the directory's capacity rules and starts the CallGrain; closing ends the call.
/// </summary>
[Alias("pcicloud.sip-call-grain.v1")]
public interface ISipCallGrain : IGrainWithStringKey
{
    static string KeyOf(string workerId, string sipCallId) => workerId + "/" + sipCallId;

    /// <summary>Idempotent: opening an open call answers the same ports.</summary>
    [Alias("open")] Task<SipCallOpened> OpenAsync(SipCallOpen open);

    [Alias("close")] Task CloseAsync();
}
