using System.Net;
using Microsoft.Extensions.Options;

namespace PciCloud.MaskingWorker.Hosting;

/// <summary>Fails start-up with "MaskingWorker" settings under which the worker could not carry a call, or would carry it unsafely.</summary>
internal sealed class MaskingWorkerOptionsValidator : IValidateOptions<MaskingWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, MaskingWorkerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.WorkerId) || options.WorkerId.Length > 128)
        {
            failures.Add("MaskingWorker:WorkerId must be 1-128 characters.");
        }

        if (!IPAddress.TryParse(options.RtpBindAddress, out _))
        {
            failures.Add("MaskingWorker:RtpBindAddress must be an IP address.");
        }

        if (string.IsNullOrWhiteSpace(options.AdvertisedRtpHost))
        {
            failures.Add("MaskingWorker:AdvertisedRtpHost must be set (the address tenants send RTP to).");
        }

        if (options.RtpPortStart is < 1024 or > 65535 || options.RtpPortEnd is < 1024 or > 65535 || options.RtpPortEnd < options.RtpPortStart)
        {
            failures.Add("MaskingWorker:RtpPortStart..RtpPortEnd must be a range of UDP ports within 1024-65535, start <= end.");
        }

        if (options.WebSocketBaseUrl is { Length: > 0 } ws
            && (!Uri.TryCreate(ws, UriKind.Absolute, out var wsUri) || wsUri.Scheme is not ("ws" or "wss")))
        {
            failures.Add("MaskingWorker:WebSocketBaseUrl must be an absolute ws:// or wss:// URL, or empty.");
        }

        if (options.MaxStreams < 1)
        {
            failures.Add("MaskingWorker:MaxStreams must be at least 1.");
        }

        if (options.MaxPacketBytes is < 12 or > 65535)
        {
            failures.Add("MaskingWorker:MaxPacketBytes must be 12 (an RTP header) to 65535.");
        }

        if (options.MaxWebSocketMessageBytes < 1024)
        {
            failures.Add("MaskingWorker:MaxWebSocketMessageBytes must be at least 1024.");
        }

        if (!(options.LateThresholdMs > 0))
        {
            failures.Add("MaskingWorker:LateThresholdMs must be positive.");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero || options.DigitDeliveryTimeout <= TimeSpan.Zero)
        {
            failures.Add("MaskingWorker:HeartbeatInterval and MaskingWorker:DigitDeliveryTimeout must be positive.");
        }

        foreach (var network in options.AllowedDestinationNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                failures.Add($"MaskingWorker:AllowedDestinationNetworks: '{network}' is not a CIDR block.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
