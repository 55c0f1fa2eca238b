using PciCloud.Payments.Gateways;
using VoidRequest = PciCloud.Payments.Gateways.VoidRequest;

namespace PciCloud.Grains.Sessions;

/// <summary>
/// Wraps the tenant's gateway for one submit: before the card request leaves, the session's
/// "submitting" state is persisted, so a silo that dies mid-request leaves a session that its next
/// activation reconciles (lookup by idempotency key) instead of one that could be charged twice.
/// </summary>
internal sealed class SubmitGuardGateway(IPaymentGateway inner, Func<Task> beforeSend) : IPaymentGateway
{
    public string Name => inner.Name;

    public GatewayCapabilities Capabilities => inner.Capabilities;

    public async Task<GatewayResult> ChargeAsync(CardPaymentRequest request, CancellationToken ct)
    {
        await beforeSend();
        return await inner.ChargeAsync(request, ct);
    }

    public async Task<GatewayResult> AuthorizeAsync(CardPaymentRequest request, CancellationToken ct)
    {
        await beforeSend();
        return await inner.AuthorizeAsync(request, ct);
    }

    public async Task<GatewayResult> TokenizeAsync(TokenizeRequest request, CancellationToken ct)
    {
        await beforeSend();
        return await inner.TokenizeAsync(request, ct);
    }

    public async Task<GatewayResult> DebitBankAsync(BankDebitRequest request, CancellationToken ct)
    {
        await beforeSend();
        return await inner.DebitBankAsync(request, ct);
    }

    public Task<GatewayResult> CaptureAsync(CaptureRequest request, CancellationToken ct) => inner.CaptureAsync(request, ct);

    public Task<GatewayResult> VoidAsync(VoidRequest request, CancellationToken ct) => inner.VoidAsync(request, ct);

    public Task<GatewayResult> RefundAsync(RefundRequest request, CancellationToken ct) => inner.RefundAsync(request, ct);

    public Task<GatewayResult> ChargeTokenAsync(TokenChargeRequest request, CancellationToken ct) => inner.ChargeTokenAsync(request, ct);

    public Task<GatewayResult> CreateScheduleAsync(ScheduleRequest request, CancellationToken ct) => inner.CreateScheduleAsync(request, ct);

    public Task<GatewayResult> CancelScheduleAsync(CancelScheduleRequest request, CancellationToken ct) => inner.CancelScheduleAsync(request, ct);

    public Task<GatewayResult?> LookupAsync(LookupRequest request, CancellationToken ct) => inner.LookupAsync(request, ct);
}
