namespace PciCloud.Region.Apis.Models;

/// <summary>POST /v1/payment-sessions/{id}/confirm: direct_debit_guarantee (UK), ach_authorization (US) or becs_service_agreement (AU).</summary>
public sealed record ConfirmRequest(string? Confirmation);
