namespace PciCloud.Edge.Tests.Infrastructure;

/// <summary>What a <see cref="RegionBackend"/> saw of a request.</summary>
public sealed record EchoResponse(
    string Region, string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyLength);
