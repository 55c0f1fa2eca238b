using global::Stripe;
using PciCloud.Payments.Gateways;
using Polly;
using Polly.Timeout;

namespace PciCloud.Payments.Stripe;

/// <summary>
/// The Stripe connector, on the official Stripe.net client. Charge and authorize are PaymentIntents
/// confirmed at once (capture_method=manual for authorize) on a card PaymentMethod created from the
/// keyed card, flagged MOTO; tokenize is a Customer with the PaymentMethod attached (the token is
/// "cus_.../pm_..."); token charges are off-session PaymentIntents. Recurring is not native here:
/// PciCloud schedules off-session token charges itself (see the report in the issue). Our
/// idempotency key is Stripe's Idempotency-Key (sub-steps derive theirs from it). Card data goes
/// only into the card[...] fields of the PaymentMethod request, never into metadata or descriptions.
/// </summary>
public sealed partial class StripeGateway : IPaymentGateway
{
    internal const string IdempotencyMetadataKey = "pcicloud_idempotency_key";
    internal const string ReferenceMetadataKey = "pcicloud_reference";

    private readonly StripeGatewayOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly PaymentIntentService _paymentIntents;
    private readonly PaymentMethodService _paymentMethods;
    private readonly CustomerService _customers;
    private readonly RefundService _refunds;

    public StripeGateway(StripeGatewayOptions options, HttpClient? httpClient = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _pipeline = StripeResilience.Build(options, time ?? TimeProvider.System);

        // Stripe.net's own retries are off (0): Polly retries, with the same idempotency key.
        var http = new SystemNetHttpClient(httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, 0, null, false);
        var client = new StripeClient(new StripeClientOptions { ApiKey = options.ApiKey, ApiBase = options.ApiBase, HttpClient = http });
        _paymentIntents = new PaymentIntentService(client);
        _paymentMethods = new PaymentMethodService(client);
        _customers = new CustomerService(client);
        _refunds = new RefundService(client);
    }

    public string Name => "stripe";

    public GatewayCapabilities Capabilities { get; } = new()
    {
        Charge = true, Authorize = true, Capture = true, Void = true, Refund = true, PartialRefund = true,
        Tokenize = true, ChargeToken = true, NativeSchedules = false, Moto = true, LookupByIdempotencyKey = true,
    };

    public Task<GatewayResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken) =>
        Execute(request.IdempotencyKey, async (options, ct) => StripeResultMapper.FromPaymentIntent(await _paymentIntents.CaptureAsync(
            request.PaymentReference,
            new PaymentIntentCaptureOptions { AmountToCapture = request.AmountMinorUnits, Expand = ["latest_charge"] },
            options,
            ct).ConfigureAwait(false)), cancellationToken);

    public Task<GatewayResult> VoidAsync(VoidRequest request, CancellationToken cancellationToken) =>
        Execute(request.IdempotencyKey, async (options, ct) =>
        {
            var intent = await _paymentIntents.CancelAsync(request.PaymentReference, new PaymentIntentCancelOptions(), options, ct).ConfigureAwait(false);
            return intent.Status == "canceled"
                ? GatewayResult.Approved(intent.Id, amountMinorUnits: intent.Amount)
                : GatewayResult.Error(GatewayErrorCodes.InvalidState, "Stripe did not cancel the authorization.", retryable: false);
        }, cancellationToken);

    public Task<GatewayResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        Execute(request.IdempotencyKey, async (options, ct) =>
        {
            var refund = await _refunds.CreateAsync(
                new RefundCreateOptions
                {
                    PaymentIntent = request.PaymentReference,
                    Amount = request.AmountMinorUnits,

                    // Stripe accepts only these reasons; any other stays ours.
                    Reason = request.Reason is "duplicate" or "fraudulent" or "requested_by_customer" ? request.Reason : null,
                    Metadata = new Dictionary<string, string> { [IdempotencyMetadataKey] = request.IdempotencyKey },
                },
                options,
                ct).ConfigureAwait(false);
            return refund.Status is "succeeded" or "pending"
                ? GatewayResult.Approved(refund.Id, amountMinorUnits: refund.Amount)
                : GatewayResult.Error(GatewayErrorCodes.InvalidState, $"Stripe answered the refund with status {refund.Status}.", retryable: false);
        }, cancellationToken);

    public Task<GatewayResult> CreateScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayResult.NotSupported("native recurring schedules (PciCloud runs them as off-session token charges)"));

    public Task<GatewayResult> CancelScheduleAsync(CancelScheduleRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayResult.NotSupported("native recurring schedules (PciCloud runs them as off-session token charges)"));

    /// <summary>
    /// Runs one Stripe operation under the resilience pipeline with our idempotency key, and maps
    /// whatever comes back (object, Stripe error, network failure, timeout) to a result. Only the
    /// caller's cancellation escapes as an exception.
    /// </summary>
    private async Task<GatewayResult> Execute(string idempotencyKey, Func<RequestOptions, CancellationToken, Task<GatewayResult>> operation, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeys.IsValid(idempotencyKey))
        {
            return GatewayResult.Error(GatewayErrorCodes.InvalidRequest, "A valid idempotency key (1-255 printable characters) is required.", retryable: false);
        }

        var requestOptions = new RequestOptions { IdempotencyKey = idempotencyKey };
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await operation(requestOptions, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (StripeException e)
        {
            return StripeResultMapper.FromException(e);
        }
        catch (TimeoutRejectedException)
        {
            return GatewayResult.Error(GatewayErrorCodes.Timeout, "Stripe did not answer in time: retry with the same key, or look the payment up.", retryable: true);
        }
        catch (HttpRequestException)
        {
            return GatewayResult.Error(GatewayErrorCodes.Unavailable, "Could not reach Stripe: retry with the same key, or look the payment up.", retryable: true);
        }
    }
}
