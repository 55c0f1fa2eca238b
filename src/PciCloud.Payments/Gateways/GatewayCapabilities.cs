using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Gateways;

/// <summary>What a connector can do, so the API can refuse an intent (422 intent_not_supported) up front.</summary>
public sealed record GatewayCapabilities
{
    public bool Charge { get; init; }
    public bool Authorize { get; init; }
    public bool Capture { get; init; }
    public bool Void { get; init; }
    public bool Refund { get; init; }
    public bool PartialRefund { get; init; }
    public bool Tokenize { get; init; }
    public bool ChargeToken { get; init; }

    /// <summary>The gateway itself runs recurring schedules (else PciCloud schedules off-session token charges).</summary>
    public bool NativeSchedules { get; init; }

    /// <summary>Card-not-present phone payments are flagged MOTO (no customer authentication possible).</summary>
    public bool Moto { get; init; }

    public bool LookupByIdempotencyKey { get; init; }

    /// <summary>Bank debits and mandates by keyed bank details (<see cref="IPaymentGateway.DebitBankAsync"/>).</summary>
    public bool BankDebits { get; init; }

    public bool Supports(PaymentIntent intent) => intent switch
    {
        PaymentIntent.Charge => Charge,
        PaymentIntent.Authorize => Authorize && Capture,
        PaymentIntent.Tokenize => Tokenize,
        PaymentIntent.Recurring => Tokenize && (NativeSchedules || ChargeToken),
        _ => false,
    };
}
