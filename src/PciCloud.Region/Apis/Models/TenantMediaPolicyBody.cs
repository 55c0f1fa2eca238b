namespace PciCloud.Region.Apis.Models;

/// <summary>A tenant's media rules in the admin API (API.md "Admin"); every field optional on create.</summary>
public sealed record TenantMediaPolicyBody(bool? RequireExpectFrom, int? MaxConcurrentCalls, int? IdleTimeoutSeconds, int? UnusedTimeoutSeconds);
