using Microsoft.Extensions.Options;

namespace PciCloud.Edge.Configuration;

/// <summary>Reads <c>Edge:Regions</c>: <c>"us": "http://a"</c>, <c>"us": "http://a;http://b"</c> or <c>"us": ["http://a", "http://b"]</c>.</summary>
public static class RegionAddressParser
{
    public static IReadOnlyDictionary<string, IReadOnlyList<Uri>> Parse(IConfigurationSection regions)
    {
        var result = new Dictionary<string, IReadOnlyList<Uri>>(StringComparer.Ordinal);
        foreach (var region in regions.GetChildren())
        {
            var raw = region.Value is { } single
                ? single.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : region.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
            result[region.Key] = raw.Select(Address).ToArray();
        }
        return result;

        static Uri Address(string value) =>
            Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw new OptionsValidationException(nameof(EdgeOptions), typeof(EdgeOptions),
                    [$"Edge:Regions: '{value}' is not an absolute http(s) address."]);
    }
}
