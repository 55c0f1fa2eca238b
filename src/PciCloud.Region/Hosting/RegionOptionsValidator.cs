using Microsoft.Extensions.Options;

namespace PciCloud.Region.Hosting;

/// <summary>Fails start-up with "Region" settings that would serve the wrong region, hand out dead links or disable a limit.</summary>
internal sealed class RegionOptionsValidator : IValidateOptions<RegionOptions>
{
    public ValidateOptionsResult Validate(string? name, RegionOptions options)
    {
        var failures = new List<string>();
        if (options.Name is not { Length: > 0 and <= 16 } region || !region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            failures.Add("Region:Name must be the region's id: 1-16 lower-case letters, digits or '-' (us, uk, au).");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add("Region:PublicBaseUrl must be an absolute http(s) URL (the base of agent links).");
        }

        if (options.AgentTokenMinutes is < 1 or > 24 * 60)
        {
            failures.Add("Region:AgentTokenMinutes must be 1-1440.");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add("Region:MaxRequestBodyBytes must be at least 1024.");
        }

        if (options.RateLimitPermitsPerSecond < 1 || options.RateLimitBurst < 1)
        {
            failures.Add("Region:RateLimitPermitsPerSecond and Region:RateLimitBurst must be at least 1.");
        }

        for (var i = 0; i < options.SeedTenants.Count; i++)
        {
            var seed = options.SeedTenants[i];
            if (string.IsNullOrWhiteSpace(seed.Id) || string.IsNullOrWhiteSpace(seed.SecretKey))
            {
                failures.Add($"Region:SeedTenants:{i} needs an Id and a SecretKey.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
