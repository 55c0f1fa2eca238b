using Orleans.Concurrency;

namespace PciCloud.Contracts.Sessions;

/// <summary>
/// One payment session (key: session id). Card data lives only in the activation's memory; the
/// persisted state is the masked view, status and result.
/// </summary>
[Alias("pcicloud.payment-session-grain.v1")]
public interface IPaymentSessionGrain : IGrainWithStringKey
{
    [Alias("create")] Task<SessionReply> CreateAsync(SessionCreate create);

    [Alias("get")] Task<PaymentSessionView?> GetAsync();

    [Alias("patch")] Task<SessionReply> PatchAsync(SessionPatch patch);

    [Alias("capture")] Task<SessionReply> CaptureAsync(string field);

    [Alias("reset")] Task<SessionReply> ResetAsync(string field);

    [Alias("submit")] Task<SessionReply> SubmitAsync();

    [Alias("cancel")] Task<SessionReply> CancelAsync();

    /// <summary>
    /// The call ended: cancel (wiping the card data) unless the session is final or submitting (the submit
    /// finishes, then wipes). One-way: ending a call never waits for its session, which may be at the gateway.
    /// </summary>
    [OneWay, Alias("call-ended")] Task CallEndedAsync();

    /// <summary>Bank sessions: the agent read the region's confirmation (Direct Debit Guarantee, ACH authorization, BECS service agreement).</summary>
    [Alias("confirm")] Task<SessionReply> ConfirmAsync(string confirmation);

    /// <summary>One keypad key from the call (0-9, *, #). Card data in motion: never logged.</summary>
    [Alias("digit")] Task<DigitOutcome> AcceptDigitAsync(char key);

    /// <summary>
    /// <paramref name="count"/> key presses on the call may have been missed (not delivered, or not taken):
    /// while a field is being captured the session counts them, so the agent resets it and asks again.
    /// </summary>
    [Alias("digits-lost")] Task DigitsLostAsync(int count);

    /// <summary>Waits (up to <paramref name="maxWait"/>) for a view newer than <paramref name="knownVersion"/>.</summary>
    [AlwaysInterleave, Alias("wait-change")]
    Task<PaymentSessionView?> WaitForChangeAsync(long knownVersion, TimeSpan maxWait);
}
