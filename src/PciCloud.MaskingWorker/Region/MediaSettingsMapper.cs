using System.Net;
using System.Net.Sockets;
using PciCloud.Contracts.Calls;
using PciCloud.MaskingWorker.Calls;
using PciCloud.Media.Srtp;

namespace PciCloud.MaskingWorker.Region;

/// <summary>Turns the CallGrain's media settings (strings, as the API took them) into the worker's typed ones.</summary>
public static class MediaSettingsMapper
{
    public static async Task<CallMediaSettings?> ToWorkerSettingsAsync(MediaSettings settings, CancellationToken cancellationToken)
    {
        MediaTransportKind? transport = settings.Transport switch
        {
            "rtp" => MediaTransportKind.Rtp,
            "websocket" => MediaTransportKind.WebSocket,
            _ => null,
        };
        AudioCodec? codec = settings.Codec.ToUpperInvariant() switch
        {
            "PCMU" => AudioCodec.Pcmu,
            "PCMA" => AudioCodec.Pcma,
            _ => null,
        };
        if (transport is null || codec is null || !TryReadSrtp(settings.Srtp, out var srtp))
        {
            return null; // something the worker does not understand: it carries nothing rather than guess
        }

        return new CallMediaSettings
        {
            CallId = settings.CallId,
            Transport = transport.Value,
            Codec = codec.Value,
            RtpPort = settings.RtpPort ?? 0,
            ForwardTo = await ResolveAsync(settings.ForwardTo, requirePort: true, cancellationToken).ConfigureAwait(false),
            RecordTo = await ResolveAsync(settings.RecordTo, requirePort: true, cancellationToken).ConfigureAwait(false),
            ExpectFrom = await ResolveAsync(settings.ExpectFrom, requirePort: false, cancellationToken).ConfigureAwait(false),
            StreamTokenSha256 = settings.MediaTokenSha256,
            Srtp = srtp,
        };
    }

    /// <summary>The legs' SDES keys (the API validated them; a key that does not parse here carries no call).</summary>
    private static bool TryReadSrtp(CallSrtpKeys? keys, out SrtpLegKeys? legs)
    {
        legs = null;
        if (keys is null)
        {
            return true;
        }

        SrtpMasterKey? customer = null, forwardTo = null, recordTo = null;
        if ((keys.Customer is not null && !SdesCrypto.TryParseKey(keys.Customer, out customer, out _))
            || (keys.ForwardTo is not null && !SdesCrypto.TryParseKey(keys.ForwardTo, out forwardTo, out _))
            || (keys.RecordTo is not null && !SdesCrypto.TryParseKey(keys.RecordTo, out recordTo, out _)))
        {
            return false;
        }

        legs = new SrtpLegKeys { Customer = customer, ForwardTo = forwardTo, RecordTo = recordTo };
        return true;
    }

    /// <summary>"host:port" (or "host" where the port is optional) to an endpoint; port 0 = any.</summary>
    public static async Task<IPEndPoint?> ResolveAsync(string? hostAndPort, bool requirePort, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(hostAndPort))
        {
            return null;
        }

        if (IPEndPoint.TryParse(hostAndPort, out var endpoint) && (endpoint.Port != 0 || !requirePort))
        {
            return endpoint;
        }

        var colon = hostAndPort.LastIndexOf(':');
        var host = colon > 0 ? hostAndPort[..colon] : hostAndPort;
        var port = 0;
        if ((colon > 0 && !int.TryParse(hostAndPort.AsSpan(colon + 1), out port)) || port is < 0 or > 65535 || (requirePort && port == 0))
        {
            throw new FormatException("A media address is not host:port.");
        }

        var addresses = await Dns.GetHostAddressesAsync(host, AddressFamily.InterNetwork, cancellationToken).ConfigureAwait(false);
        return addresses.Length > 0 ? new IPEndPoint(addresses[0], port) : throw new FormatException("A media host does not resolve.");
    }
}
