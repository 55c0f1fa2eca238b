namespace PciCloud.Region.Apis.Models;

public sealed record RtpEndpoint(string Host, int Port);
