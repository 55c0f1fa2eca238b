using System.Net;
using Microsoft.Extensions.Options;

namespace PciCloud.ServiceDefaults;

/// <summary>Fails start-up with cluster settings under which a silo or worker would join nobody, or the wrong cluster.</summary>
public sealed class RegionClusterOptionsValidator : IValidateOptions<RegionClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, RegionClusterOptions options)
    {
        var failures = new List<string>();
        if (!IsId(options.ServiceId))
        {
            failures.Add("Orleans:ServiceId must be 1-64 letters, digits, '-', '_' or '.'.");
        }

        if (!IsId(options.ClusterId))
        {
            failures.Add("Orleans:ClusterId must be 1-64 letters, digits, '-', '_' or '.'.");
        }

        if (options.RedisConnectionString is { } redis && string.IsNullOrWhiteSpace(redis))
        {
            failures.Add("Redis:ConnectionString is set but empty: remove it for a localhost cluster, or give the Redis address.");
        }

        foreach (var (key, port) in new[] { ("Orleans:SiloPort", options.SiloPort), ("Orleans:GatewayPort", options.GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                failures.Add($"{key} must be a TCP port (1-65535).");
            }
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add("Orleans:SiloPort and Orleans:GatewayPort must differ.");
        }

        if (options.AdvertisedIP is { Length: > 0 } ip && !IPAddress.TryParse(ip, out _))
        {
            failures.Add("Orleans:AdvertisedIP must be an IP address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsId(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
