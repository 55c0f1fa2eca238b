namespace PciCloud.Payments.Gateways.Sandbox;

/// <summary>The sandbox's mutable record of one payment (guarded by the gateway's lock).</summary>
internal sealed class SandboxPayment(string reference, string kind, long amount, string currency)
{
    public string Reference { get; } = reference;
    public string Kind { get; } = kind;
    public long Amount { get; } = amount;
    public string Currency { get; } = currency;
    public long Captured { get; set; }
    public long Refunded { get; set; }
    public string Status { get; set; } = "authorized";
    public GatewayResult? Result { get; set; }

    public SandboxLedgerEntry ToEntry() => new(Reference, Kind, Amount, Currency, Captured, Refunded, Status);
}
