namespace PciCloud.Contracts.Calls;

/// <summary>
/// A call's SRTP keys per leg, each the tagless SDES form <c>AES_CM_128_HMAC_SHA1_80 inline:...</c>
/// (validated by the API). Secrets: carried from the API to the CallGrain's memory and on to the
/// worker, never into grain state, logs or responses. <see cref="ToString"/> names the legs only.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.call-srtp-keys.v1")]
public sealed record CallSrtpKeys(
    [property: Id(0)] string? Customer,
    [property: Id(1)] string? ForwardTo,
    [property: Id(2)] string? RecordTo)
{
    public override string ToString() =>
        $"CallSrtpKeys {{ Customer = {Customer is not null}, ForwardTo = {ForwardTo is not null}, RecordTo = {RecordTo is not null} }}";
}
