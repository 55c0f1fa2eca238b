using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Calls;
using PciCloud.Media.Srtp;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Http;

namespace PciCloud.Region.Validation;

/// <summary>
/// Checks <c>media.srtp</c>: RTP calls only, each key a valid SDES key of a supported suite, and a key
/// only for a leg that exists. Messages name the field and the rule, never the key.
/// </summary>
public static class SrtpKeysValidator
{
    public static (CallSrtpKeys? Keys, ProblemHttpResult? Error) Validate(CallMediaBody media)
    {
        if (media.Srtp is not { } srtp)
        {
            return (null, null);
        }

        if (media.Transport != "rtp")
        {
            return (null, Problems.Invalid("media.srtp applies to rtp calls only."));
        }

        if (srtp.Customer is null && srtp.ForwardTo is null && srtp.RecordTo is null)
        {
            return (null, Problems.Invalid("media.srtp needs a key for at least one leg: customer, forwardTo or recordTo."));
        }

        foreach (var (name, key, leg) in new[]
        {
            ("customer", srtp.Customer, "customer"),
            ("forwardTo", srtp.ForwardTo, media.ForwardTo),
            ("recordTo", srtp.RecordTo, media.RecordTo),
        })
        {
            if (key is null)
            {
                continue;
            }

            if (leg is null)
            {
                return (null, Problems.Invalid($"media.srtp.{name} is given but media.{name} is not."));
            }

            if (!SdesCrypto.TryParseKey(key, out var parsed, out var error))
            {
                return (null, Problems.Invalid($"media.srtp.{name}: {error}.", "invalid_srtp_key"));
            }

            parsed!.Dispose();
        }

        return (new CallSrtpKeys(srtp.Customer?.Trim(), srtp.ForwardTo?.Trim(), srtp.RecordTo?.Trim()), null);
    }
}
