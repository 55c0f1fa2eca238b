using PciCloud.Contracts.Payments;
using PciCloud.Contracts.Tokens;

namespace PciCloud.Grains.Tokens;

/// <summary>One stored card (key: tok_ id). Charges go to a payment grain, which makes each one at most once.</summary>
public sealed class TokenGrain(
    [PersistentState("token", GrainStorage.Name)] IPersistentState<TokenState> state,
    IGrainFactory grains,
    TimeProvider time) : Grain, ITokenGrain
{
    public Task<TokenView?> GetAsync() => Task.FromResult(View());

    public async Task<TokenView> RegisterAsync(TokenRegistration registration)
    {
        if (state.State.Registration is null)
        {
            state.State.Registration = registration;
            state.State.CreatedAt = time.GetUtcNow();
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State = new TokenState(); // not saved: a retry registers again
                throw;
            }
        }

        return View()!;
    }

    public Task<PaymentReply> ChargeAsync(TokenCharge charge)
    {
        if (state.State.Registration is not { } token)
        {
            return Task.FromResult(PaymentReply.Refused("not_found", "No such token."));
        }

        var registration = new PaymentRegistration(token.TenantId, token.GatewayKind, PaymentStatuses.KindTokenCharge,
            charge.Amount, charge.Currency, charge.GatewayKey)
        {
            TokenId = this.GetPrimaryKeyString(),
            ScheduleId = charge.ScheduleId,
            Period = charge.Period,
            Description = charge.Description,
            Reference = charge.Reference,
        };
        return grains.GetGrain<IPaymentGrain>(charge.PaymentId).ChargeTokenAsync(registration, token.GatewayReference);
    }

    private TokenView? View() => state.State.Registration is { } r
        ? new TokenView(this.GetPrimaryKeyString(), r.TenantId, r.SessionId, r.Brand, r.Last4, state.State.CreatedAt)
        : null;
}
