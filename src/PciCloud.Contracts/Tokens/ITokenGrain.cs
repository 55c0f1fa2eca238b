using PciCloud.Contracts.Payments;

namespace PciCloud.Contracts.Tokens;

/// <summary>A stored card (key: tok_ id): the gateway's token for it, never card data.</summary>
[Alias("pcicloud.token-grain.v1")]
public interface ITokenGrain : IGrainWithStringKey
{
    [Alias("get")] Task<TokenView?> GetAsync();

    /// <summary>The token a session stored at the gateway. Idempotent.</summary>
    [Alias("register")] Task<TokenView> RegisterAsync(TokenRegistration registration);

    /// <summary>An off-session charge of the card: creates (or replays) payment <see cref="TokenCharge.PaymentId"/>.</summary>
    [Alias("charge")] Task<PaymentReply> ChargeAsync(TokenCharge charge);

    /// <summary>Forgets the gateway's reference: the token answers as unknown from now on. False when there is no such token.</summary>
    [Alias("delete")] Task<bool> DeleteAsync();
}
