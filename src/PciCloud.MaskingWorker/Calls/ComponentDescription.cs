namespace PciCloud.MaskingWorker.Calls;

/// <summary>A masking component (the masker, the output check) as the certificate names it: what, which build, which settings.</summary>
public sealed record ComponentDescription(string Name, string Version, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The informational version of the assembly that holds <paramref name="type"/>.</summary>
    public static string VersionOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var assembly = type.Assembly;
        var informational = (System.Reflection.AssemblyInformationalVersionAttribute?)Attribute.GetCustomAttribute(
            assembly, typeof(System.Reflection.AssemblyInformationalVersionAttribute));
        return informational?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
