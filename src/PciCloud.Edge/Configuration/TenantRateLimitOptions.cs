namespace PciCloud.Edge.Configuration;

/// <summary>Per-tenant token bucket: <see cref="Burst"/> requests at once, refilled at <see cref="PermitsPerSecond"/>.</summary>
public sealed class TenantRateLimitOptions
{
    public double PermitsPerSecond { get; set; } = 200;

    public int Burst { get; set; } = 400;
}
