using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Calls;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Http;

namespace PciCloud.Region.Validation;

public static class CallRequestValidator
{
    private const int MaxText = 200;

    public static (CallMediaRequest? Media, ProblemHttpResult? Error) Validate(CreateCallRequest r, IReadOnlyList<string> allowed, bool requireExpectFrom = false)
    {
        if ((r.ExternalId?.Length ?? 0) > MaxText || (r.From?.Length ?? 0) > 64 || (r.To?.Length ?? 0) > 64)
        {
            return (null, Problems.Invalid("externalId (200), from and to (64 characters) are too long."));
        }

        if (r.Media is not { } m || m.Transport is not ("rtp" or "websocket"))
        {
            return (null, Problems.Invalid("media.transport must be rtp or websocket."));
        }

        var codec = m.Codec ?? "PCMU";
        if (codec is not ("PCMU" or "PCMA"))
        {
            return (null, Problems.Invalid("media.codec must be PCMU or PCMA."));
        }

        if (m.Transport == "rtp" && m.ForwardTo is null)
        {
            return (null, Problems.Invalid("media.forwardTo is required for rtp: it is where the masked audio goes."));
        }

        foreach (var (name, value) in new[] { ("forwardTo", m.ForwardTo), ("recordTo", m.RecordTo) })
        {
            if (value is null)
            {
                continue;
            }

            if (!MediaDestinations.TryParseEndpoint(value, portRequired: true, out var endpoint))
            {
                return (null, Problems.Invalid($"media.{name} must be an IP address and port, like 203.0.113.10:4000."));
            }

            if (!MediaDestinations.Allows(allowed, endpoint.Address))
            {
                return (null, Problems.Invalid($"media.{name} is not one of this tenant's allowed media destinations.", "destination_not_allowed"));
            }
        }

        if (m.Transport == "rtp" && m.ExpectFrom is null && requireExpectFrom)
        {
            // Without it the worker would have to learn the source from the first packet, and whoever
            // sends first (anyone who guesses the port) would be the customer.
            return (null, Problems.Invalid(
                "media.expectFrom is required for rtp by this tenant's media policy: the address (and port, if known) the customer's audio comes from.",
                "expect_from_required"));
        }

        if (m.ExpectFrom is not null && !MediaDestinations.TryParseEndpoint(m.ExpectFrom, portRequired: false, out _))
        {
            return (null, Problems.Invalid("media.expectFrom must be an IP address, optionally with a port."));
        }

        return (new CallMediaRequest(m.Transport, codec, m.ForwardTo, m.RecordTo, m.ExpectFrom), null);
    }
}
