using global::Stripe;
using PciCloud.Payments.Gateways;

namespace PciCloud.Payments.Stripe;

public sealed partial class StripeGateway
{
    /// <summary>
    /// By reference: GET the PaymentIntent. By idempotency key: Stripe cannot look up by key, so
    /// every PaymentIntent carries it in metadata and the Search API finds it (Stripe's search
    /// index may lag by up to a minute: a reconciler should retry "not found" for a while).
    /// </summary>
    public async Task<GatewayResult?> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        PaymentIntent? intent = null;
        GatewayResult? failure = null;
        try
        {
            if (request.PaymentReference is { } reference)
            {
                intent = await _pipeline.ExecuteAsync(async ct => await _paymentIntents.GetAsync(reference, new PaymentIntentGetOptions { Expand = ["latest_charge"] }, null, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            else if (request.IdempotencyKey is { } key && IdempotencyKeys.IsValid(key))
            {
                var query = $"metadata['{IdempotencyMetadataKey}']:'{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";
                var found = await _pipeline.ExecuteAsync(async ct => await _paymentIntents.SearchAsync(new PaymentIntentSearchOptions { Query = query, Limit = 1, Expand = ["data.latest_charge"] }, null, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                intent = found.Data.FirstOrDefault();
            }
        }
        catch (StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (StripeException e)
        {
            failure = StripeResultMapper.FromException(e);
        }
        catch (Exception e) when (e is Polly.Timeout.TimeoutRejectedException or HttpRequestException)
        {
            failure = GatewayResult.Error(GatewayErrorCodes.Unavailable, "Could not reach Stripe to look the payment up.", retryable: true);
        }

        return failure ?? (intent is null ? null : StripeResultMapper.FromPaymentIntent(intent));
    }
}
