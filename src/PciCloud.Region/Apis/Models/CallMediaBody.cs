namespace PciCloud.Region.Apis.Models;

public sealed record CallMediaBody(string? Transport, string? Codec, string? ForwardTo, string? RecordTo, string? ExpectFrom, CallSrtpBody? Srtp = null);
