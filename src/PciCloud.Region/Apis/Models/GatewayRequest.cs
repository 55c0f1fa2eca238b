namespace PciCloud.Region.Apis.Models;

public sealed record GatewayRequest(string? Kind);
