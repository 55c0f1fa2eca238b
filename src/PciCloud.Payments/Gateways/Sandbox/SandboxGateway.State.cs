using PciCloud.Payments.Money;

namespace PciCloud.Payments.Gateways.Sandbox;

public sealed partial class SandboxGateway
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Fingerprint, GatewayResult Result)> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxPayment> _payments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _tokens = new(StringComparer.Ordinal);

    /// <summary>A snapshot of every payment (approved or declined) the sandbox holds, in no particular order.</summary>
    public IReadOnlyList<SandboxLedgerEntry> Ledger()
    {
        lock (_lock)
        {
            return [.. _payments.Values.Select(p => p.ToEntry())];
        }
    }

    public Task<GatewayResult?> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (request.IdempotencyKey is { } key && _byKey.TryGetValue(key, out var stored))
            {
                return Task.FromResult<GatewayResult?>(stored.Result);
            }

            if (request.PaymentReference is { } reference && _payments.TryGetValue(reference, out var payment))
            {
                return Task.FromResult(payment.Result);
            }

            return Task.FromResult<GatewayResult?>(null);
        }
    }

    /// <summary>
    /// The idempotency rule: a key seen with the same request fingerprint replays its stored result;
    /// with another fingerprint it is refused. Invalid requests are answered but not stored (as Stripe does).
    /// </summary>
    private Task<GatewayResult> Run(string key, string fingerprint, CancellationToken cancellationToken, Func<GatewayResult> action)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IdempotencyKeys.IsValid(key))
        {
            return Task.FromResult(InvalidRequest("A valid idempotency key (1-255 printable characters) is required."));
        }

        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var stored))
            {
                return Task.FromResult(stored.Fingerprint == fingerprint
                    ? stored.Result
                    : GatewayResult.Error(GatewayErrorCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.", retryable: false));
            }

            var result = action();
            if (result.ErrorCode is not GatewayErrorCodes.InvalidRequest)
            {
                _byKey[key] = (fingerprint, result);
            }

            return Task.FromResult(result);
        }
    }

    /// <summary>Creates a payment record: approved (captured or just authorized) or declined.</summary>
    private GatewayResult Record(string key, string kind, MoneyAmount amount, string? decline, bool capture)
    {
        var reference = "pi_sbx_" + Hash(key);
        var payment = new SandboxPayment(reference, kind, amount.MinorUnits, amount.Currency.Code);
        if (decline is not null)
        {
            payment.Status = "declined";
            payment.Result = GatewayResult.Declined(decline, reference);
        }
        else
        {
            payment.Captured = capture ? amount.MinorUnits : 0;
            payment.Status = capture ? "captured" : "authorized";
            payment.Result = GatewayResult.Approved(reference, AuthorizationCode(key), amount.MinorUnits);
        }

        _payments[reference] = payment;
        return payment.Result;
    }
}
