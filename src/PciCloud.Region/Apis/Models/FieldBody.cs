namespace PciCloud.Region.Apis.Models;

public sealed record FieldBody(string? Field);
