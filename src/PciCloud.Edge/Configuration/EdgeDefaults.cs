using Microsoft.Extensions.Configuration.Memory;

namespace PciCloud.Edge.Configuration;

/// <summary>
/// The edge's routes, clusters and defaults (<c>edge.defaults.json</c>, embedded) as the lowest-priority
/// configuration source: appsettings, environment and a hosting program's settings all override them.
/// </summary>
internal static class EdgeDefaults
{
    private const string ResourceName = "PciCloud.Edge.edge.defaults.json";

    public static void AddAsLowestPriority(IConfigurationBuilder configuration)
    {
        using var json = typeof(EdgeDefaults).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        // Flattened to memory: a stream source cannot be loaded twice, and a configuration manager reloads
        // every source when one is inserted.
        var values = new ConfigurationBuilder().AddJsonStream(json).Build().AsEnumerable()
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = values });
    }
}
