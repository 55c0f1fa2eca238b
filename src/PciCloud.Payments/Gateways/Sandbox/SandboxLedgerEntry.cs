namespace PciCloud.Payments.Gateways.Sandbox;

/// <summary>One payment the sandbox holds (what a test checks: how many charges, how much refunded). No card data.</summary>
public sealed record SandboxLedgerEntry(
    string Reference,
    string Kind,
    long AmountMinorUnits,
    string Currency,
    long CapturedMinorUnits,
    long RefundedMinorUnits,
    string Status);
