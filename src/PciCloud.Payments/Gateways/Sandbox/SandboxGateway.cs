using System.Security.Cryptography;
using System.Text;

namespace PciCloud.Payments.Gateways.Sandbox;

/// <summary>
/// In-process gateway for local runs, demos and tests. Deterministic (references and authorization
/// codes derive from the idempotency key; outcomes follow <see cref="SandboxTestCards"/>), enforces
/// idempotency like a real gateway (same key + same request = the stored result, no second charge;
/// same key + different request = idempotency_key_reused) and is thread-safe. It keeps no card
/// data: requests are fingerprinted by amount, brand and last four, tokens map to an outcome.
/// Schedules are not native here: PciCloud runs recurring as off-session token charges.
/// </summary>
public sealed partial class SandboxGateway : IPaymentGateway
{
    public string Name => "sandbox";

    public GatewayCapabilities Capabilities { get; } = new()
    {
        Charge = true, Authorize = true, Capture = true, Void = true, Refund = true, PartialRefund = true,
        Tokenize = true, ChargeToken = true, NativeSchedules = false, Moto = true, LookupByIdempotencyKey = true, BankDebits = true,
    };

    public Task<GatewayResult> ChargeAsync(CardPaymentRequest request, CancellationToken cancellationToken) =>
        PayWithCard(request, capture: true, cancellationToken);

    public Task<GatewayResult> AuthorizeAsync(CardPaymentRequest request, CancellationToken cancellationToken) =>
        PayWithCard(request, capture: false, cancellationToken);

    public Task<GatewayResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken) =>
        Run(request.IdempotencyKey, $"capture|{request.PaymentReference}|{request.AmountMinorUnits}", cancellationToken, () =>
        {
            if (!_payments.TryGetValue(request.PaymentReference, out var payment))
            {
                return NotFound();
            }

            var amount = request.AmountMinorUnits ?? payment.Amount;
            if (payment.Status != "authorized" || amount <= 0 || amount > payment.Amount)
            {
                return InvalidState("Only an uncaptured authorization can be captured, for at most its amount.");
            }

            payment.Captured = amount;
            payment.Status = "captured";
            return GatewayResult.Approved(payment.Reference, payment.Result?.AuthorizationCode, amount);
        });

    public Task<GatewayResult> VoidAsync(VoidRequest request, CancellationToken cancellationToken) =>
        Run(request.IdempotencyKey, $"void|{request.PaymentReference}", cancellationToken, () =>
        {
            if (!_payments.TryGetValue(request.PaymentReference, out var payment))
            {
                return NotFound();
            }

            if (payment.Status != "authorized")
            {
                return InvalidState("Only an uncaptured authorization can be voided.");
            }

            payment.Status = "voided";
            return GatewayResult.Approved(payment.Reference, amountMinorUnits: payment.Amount);
        });

    public Task<GatewayResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        Run(request.IdempotencyKey, $"refund|{request.PaymentReference}|{request.AmountMinorUnits}|{request.Reason}", cancellationToken, () =>
        {
            if (!_payments.TryGetValue(request.PaymentReference, out var payment))
            {
                return NotFound();
            }

            var left = payment.Captured - payment.Refunded;
            var amount = request.AmountMinorUnits ?? left;
            if (payment.Captured == 0 || amount <= 0 || amount > left)
            {
                return InvalidState($"A refund must be positive and at most what is left to refund ({left}).");
            }

            payment.Refunded += amount;
            payment.Status = payment.Refunded == payment.Captured ? "refunded" : "partially_refunded";
            return GatewayResult.Approved("re_sbx_" + Hash(request.IdempotencyKey), amountMinorUnits: amount);
        });

    public Task<GatewayResult> TokenizeAsync(TokenizeRequest request, CancellationToken cancellationToken)
    {
        var card = request.Card;
        return Run(request.IdempotencyKey, $"tokenize|{card.Brand}|{card.Last4}", cancellationToken, () =>
        {
            var number = card.Number.RevealForGateway();
            if (SandboxTestCards.TokenizeDecline(number) is { } decline)
            {
                return GatewayResult.Declined(decline);
            }

            var token = "pm_sbx_" + Hash(request.IdempotencyKey);
            _tokens[token] = SandboxTestCards.ChargeDecline(number);
            return GatewayResult.Approved(token);
        });
    }

    public Task<GatewayResult> ChargeTokenAsync(TokenChargeRequest request, CancellationToken cancellationToken) =>
        Run(request.IdempotencyKey, $"charge_token|{request.Token}|{request.Amount}|{request.Description}|{request.Reference}", cancellationToken, () =>
        {
            if (!_tokens.TryGetValue(request.Token, out var decline))
            {
                return NotFound();
            }

            return request.Amount.MinorUnits <= 0
                ? InvalidRequest("The amount must be positive.")
                : Record(request.IdempotencyKey, "token_charge", request.Amount, decline, capture: true);
        });

    public Task<GatewayResult> CreateScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayResult.NotSupported("native recurring schedules"));

    public Task<GatewayResult> CancelScheduleAsync(CancelScheduleRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayResult.NotSupported("native recurring schedules"));

    private Task<GatewayResult> PayWithCard(CardPaymentRequest request, bool capture, CancellationToken cancellationToken)
    {
        var card = request.Card;
        var kind = capture ? "charge" : "authorization";
        return Run(request.IdempotencyKey, $"{kind}|{request.Amount}|{card.Brand}|{card.Last4}|{request.Moto}|{request.Description}|{request.Reference}", cancellationToken, () =>
            request.Amount.MinorUnits <= 0
                ? InvalidRequest("The amount must be positive.")
                : Record(request.IdempotencyKey, kind, request.Amount, SandboxTestCards.ChargeDecline(card.Number.RevealForGateway()), capture));
    }

    private static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];

    private static string AuthorizationCode(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("auth|" + key)))[..6];

    private static GatewayResult NotFound() =>
        GatewayResult.Error(GatewayErrorCodes.NotFound, "No such payment or token at the gateway.", retryable: false);

    private static GatewayResult InvalidState(string message) =>
        GatewayResult.Error(GatewayErrorCodes.InvalidState, message, retryable: false);

    private static GatewayResult InvalidRequest(string message) =>
        GatewayResult.Error(GatewayErrorCodes.InvalidRequest, message, retryable: false);
}
