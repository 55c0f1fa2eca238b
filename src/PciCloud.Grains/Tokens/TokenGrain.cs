using PciCloud.Contracts.Payments;
using PciCloud.Contracts.Tokens;

namespace PciCloud.Grains.Tokens;

/// <summary>One stored card (key: tok_ id). Charges go to a payment grain, which makes each one at most once.</summary>
public sealed class TokenGrain(
    [PersistentState("token", GrainStorage.Name)] IPersistentState<TokenState> state,
    IGrainFactory grains,
    TimeProvider time) : Grain, ITokenGrain
{
    private const string Reusable = "reusable";
    private const string OneTime = "one-time";

    public Task<TokenView?> GetAsync() => Task.FromResult(View());

    public async Task<TokenView> RegisterAsync(TokenRegistration registration)
    {
        if (state.State.DeletedAt is not null)
        {
            throw new InvalidOperationException("The token was deleted.");
        }

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

    public async Task<PaymentReply> ChargeAsync(TokenCharge charge)
    {
        if (state.State.Registration is not { } token)
        {
            return PaymentReply.Refused("not_found", "No such token.");
        }

        if (token.TokenType == OneTime)
        {
            if (state.State.UsedByPaymentId is { } used && used != charge.PaymentId)
            {
                return PaymentReply.Refused("token_already_used", "A one-time token is charged once; this one was.");
            }

            state.State.UsedByPaymentId = charge.PaymentId;
            state.State.UsedAt ??= time.GetUtcNow();
            await state.WriteStateAsync();
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
        return await grains.GetGrain<IPaymentGrain>(charge.PaymentId).ChargeTokenAsync(registration, token.GatewayReference);
    }

    public async Task<bool> DeleteAsync()
    {
        if (state.State.Registration is null)
        {
            return false;
        }

        state.State.Registration = null;
        state.State.DeletedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return true;
    }

    private TokenView? View() => state.State.Registration is { } r
        ? new TokenView(this.GetPrimaryKeyString(), r.TenantId, r.SessionId, r.Brand, r.Last4, state.State.CreatedAt)
        {
            TokenType = r.TokenType ?? Reusable,
            UsedAt = state.State.UsedAt,
        }
        : null;
}
