namespace PciCloud.Region.Apis.Models;

/// <summary>
/// <c>media.srtp</c> of a call registration: per leg, <c>"AES_CM_128_HMAC_SHA1_80 inline:&lt;base64 key||salt&gt;"</c>.
/// Secrets: <see cref="ToString"/> names the legs only.
/// </summary>
public sealed record CallSrtpBody(string? Customer, string? ForwardTo, string? RecordTo)
{
    public override string ToString() =>
        $"CallSrtpBody {{ Customer = {Customer is not null}, ForwardTo = {ForwardTo is not null}, RecordTo = {RecordTo is not null} }}";
}
