using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PciCloud.ServiceDefaults;

public static class RegionClusterExtensions
{
    /// <summary>
    /// Reads and validates the cluster settings (<see cref="RegionClusterOptions"/>). Invalid settings
    /// stop the host here, while it is being composed: Orleans takes them before the host starts.
    /// They are also registered as options, validated again on start.
    /// </summary>
    public static RegionClusterOptions AddRegionCluster(this IHostApplicationBuilder builder)
    {
        var options = RegionClusterOptions.From(builder.Configuration);
        var validator = new RegionClusterOptionsValidator();
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RegionClusterOptions), result.Failures);
        }

        builder.Services.AddSingleton<IValidateOptions<RegionClusterOptions>>(validator);
        builder.Services.AddOptions<RegionClusterOptions>()
            .Configure(o =>
            {
                (o.ServiceId, o.ClusterId, o.RedisConnectionString) = (options.ServiceId, options.ClusterId, options.RedisConnectionString);
                (o.SiloPort, o.GatewayPort, o.AdvertisedIP) = (options.SiloPort, options.GatewayPort, options.AdvertisedIP);
            })
            .ValidateOnStart();
        return options;
    }
}
