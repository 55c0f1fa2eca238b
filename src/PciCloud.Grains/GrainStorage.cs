namespace PciCloud.Grains;

/// <summary>The grain storage every PciCloud grain persists into (Redis, or memory without it).</summary>
public static class GrainStorage
{
    public const string Name = "pcicloud";
}
