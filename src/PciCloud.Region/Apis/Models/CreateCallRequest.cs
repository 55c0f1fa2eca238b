namespace PciCloud.Region.Apis.Models;

public sealed record CreateCallRequest(string? ExternalId, string? From, string? To, CallMediaBody? Media);
