using global::Stripe;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways;

namespace PciCloud.Payments.Stripe;

public sealed partial class StripeGateway
{
    public Task<GatewayResult> ChargeAsync(CardPaymentRequest request, CancellationToken cancellationToken) =>
        PayWithCard(request, "automatic", cancellationToken);

    public Task<GatewayResult> AuthorizeAsync(CardPaymentRequest request, CancellationToken cancellationToken) =>
        PayWithCard(request, "manual", cancellationToken);

    public Task<GatewayResult> TokenizeAsync(TokenizeRequest request, CancellationToken cancellationToken) =>
        Execute(request.IdempotencyKey, async (options, ct) =>
        {
            var customer = await _customers.CreateAsync(
                new CustomerCreateOptions { Description = request.Description, Metadata = Metadata(request.IdempotencyKey, request.Reference) },
                Derived(options, "customer"),
                ct).ConfigureAwait(false);
            var method = await CreatePaymentMethod(request.Card, Derived(options, "payment_method"), ct).ConfigureAwait(false);
            await _paymentMethods.AttachAsync(method.Id, new PaymentMethodAttachOptions { Customer = customer.Id }, Derived(options, "attach"), ct).ConfigureAwait(false);
            return GatewayResult.Approved(StripeToken.Format(customer.Id, method.Id));
        }, cancellationToken);

    public Task<GatewayResult> ChargeTokenAsync(TokenChargeRequest request, CancellationToken cancellationToken)
    {
        if (!StripeToken.TryParse(request.Token, out var customer, out var method))
        {
            return Task.FromResult(GatewayResult.Error(GatewayErrorCodes.NotFound, "Not a Stripe token of this connector.", retryable: false));
        }

        return Execute(request.IdempotencyKey, async (options, ct) => StripeResultMapper.FromPaymentIntent(await _paymentIntents.CreateAsync(
            new PaymentIntentCreateOptions
            {
                Amount = request.Amount.MinorUnits,
                Currency = request.Amount.Currency.Code.ToLowerInvariant(),
                Customer = customer,
                PaymentMethod = method,
                Confirm = true,
                OffSession = true,
                Description = request.Description,
                Metadata = Metadata(request.IdempotencyKey, request.Reference),
                Expand = ["latest_charge"],
            },
            options,
            ct).ConfigureAwait(false)), cancellationToken);
    }

    private Task<GatewayResult> PayWithCard(CardPaymentRequest request, string captureMethod, CancellationToken cancellationToken) =>
        Execute(request.IdempotencyKey, async (options, ct) =>
        {
            var method = await CreatePaymentMethod(request.Card, Derived(options, "payment_method"), ct).ConfigureAwait(false);
            var intent = await _paymentIntents.CreateAsync(
                new PaymentIntentCreateOptions
                {
                    Amount = request.Amount.MinorUnits,
                    Currency = request.Amount.Currency.Code.ToLowerInvariant(),
                    PaymentMethod = method.Id,
                    AllowedPaymentMethodTypes = ["card"],
                    Confirm = true,
                    CaptureMethod = captureMethod,
                    PaymentMethodOptions = new PaymentIntentPaymentMethodOptionsOptions
                    {
                        Card = new PaymentIntentPaymentMethodOptionsCardOptions { Moto = request.Moto && _options.Moto ? true : null },
                    },
                    Description = request.Description,
                    Metadata = Metadata(request.IdempotencyKey, request.Reference),
                    Expand = ["latest_charge"],
                },
                options,
                ct).ConfigureAwait(false);
            return StripeResultMapper.FromPaymentIntent(intent);
        }, cancellationToken);

    /// <summary>The one request that carries card data: card[number], card[exp_month], card[exp_year], card[cvc].</summary>
    private Task<PaymentMethod> CreatePaymentMethod(CardDetails card, RequestOptions options, CancellationToken cancellationToken)
    {
        var (month, year) = CardDetails.SplitExpiry(card.Expiry.RevealForGateway());
        return _paymentMethods.CreateAsync(
            new PaymentMethodCreateOptions
            {
                Type = "card",
                Card = new PaymentMethodCardOptions
                {
                    Number = card.Number.RevealForGateway(),
                    ExpMonth = month,
                    ExpYear = year,
                    Cvc = card.SecurityCode?.RevealForGateway(),
                },
                BillingDetails = card.PostalCode is null ? null : new PaymentMethodBillingDetailsOptions { Address = new AddressOptions { PostalCode = card.PostalCode } },
            },
            options,
            cancellationToken);
    }

    private static RequestOptions Derived(RequestOptions options, string step) =>
        new() { IdempotencyKey = IdempotencyKeys.Derive(options.IdempotencyKey, step) };

    private static Dictionary<string, string> Metadata(string idempotencyKey, string? reference)
    {
        var metadata = new Dictionary<string, string> { [IdempotencyMetadataKey] = idempotencyKey };
        if (reference is not null)
        {
            metadata[ReferenceMetadataKey] = reference;
        }

        return metadata;
    }
}
