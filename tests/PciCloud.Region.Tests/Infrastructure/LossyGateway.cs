using PciCloud.Payments.Gateways;
using VoidRequest = PciCloud.Payments.Gateways.VoidRequest;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>A gateway that forwards everything, and loses the answer of a card charge, a token charge or a refund when its resolver says so.</summary>
internal sealed class LossyGateway(IPaymentGateway inner, LossyGatewayResolver resolver) : IPaymentGateway
{
    public string Name => inner.Name;

    public GatewayCapabilities Capabilities => inner.Capabilities;

    public async Task<GatewayResult> ChargeTokenAsync(TokenChargeRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.ChargeTokenAsync(request, cancellationToken);
        return resolver.TakeLoss(LossyGatewayResolver.TokenCharge) ? throw Lost() : result;
    }

    public async Task<GatewayResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.RefundAsync(request, cancellationToken);
        return resolver.TakeLoss(LossyGatewayResolver.Refund) ? throw Lost() : result;
    }

    /// <summary>A lost card charge answers as the Stripe connector does when Stripe never answers: a retryable timeout.</summary>
    public async Task<GatewayResult> ChargeAsync(CardPaymentRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.ChargeAsync(request, cancellationToken);
        return resolver.TakeLoss(LossyGatewayResolver.CardCharge)
            ? GatewayResult.Error(GatewayErrorCodes.Timeout, "The gateway did not answer in time.", retryable: true)
            : result;
    }

    public Task<GatewayResult> AuthorizeAsync(CardPaymentRequest request, CancellationToken cancellationToken) => inner.AuthorizeAsync(request, cancellationToken);

    public Task<GatewayResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken) => inner.CaptureAsync(request, cancellationToken);

    public Task<GatewayResult> VoidAsync(VoidRequest request, CancellationToken cancellationToken) => inner.VoidAsync(request, cancellationToken);

    public Task<GatewayResult> TokenizeAsync(TokenizeRequest request, CancellationToken cancellationToken) => inner.TokenizeAsync(request, cancellationToken);

    public Task<GatewayResult> CreateScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken) => inner.CreateScheduleAsync(request, cancellationToken);

    public Task<GatewayResult> CancelScheduleAsync(CancelScheduleRequest request, CancellationToken cancellationToken) => inner.CancelScheduleAsync(request, cancellationToken);

    public Task<GatewayResult?> LookupAsync(LookupRequest request, CancellationToken cancellationToken) => inner.LookupAsync(request, cancellationToken);

    private static HttpRequestException Lost() => new("The connection dropped before the answer arrived.");
}
