namespace PciCloud.Region.Apis.Models;

/// <summary>POST /v1/payments/{id}/capture: capture all of the authorization, or amount minor units of it.</summary>
public sealed record CapturePaymentRequest(long? Amount);
