using PciCloud.Media.Srtp;

namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// A call's SRTP master keys, one per leg; a leg without a key is plain RTP. Secrets: held in memory
/// for the call only, never printed (<see cref="ToString"/> names the legs, not the keys).
/// </summary>
public sealed class SrtpLegKeys
{
    /// <summary>Key of the customer's inbound leg: packets that do not authenticate under it are dropped.</summary>
    public SrtpMasterKey? Customer { get; init; }

    /// <summary>Key the masked audio to <c>forwardTo</c> is protected with.</summary>
    public SrtpMasterKey? ForwardTo { get; init; }

    /// <summary>Key the masked audio to <c>recordTo</c> is protected with.</summary>
    public SrtpMasterKey? RecordTo { get; init; }

    public override string ToString() =>
        $"SrtpLegKeys {{ Customer = {Customer is not null}, ForwardTo = {ForwardTo is not null}, RecordTo = {RecordTo is not null} }}";
}
