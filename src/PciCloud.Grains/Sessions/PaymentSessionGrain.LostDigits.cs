using PciCloud.Payments.Sessions;

namespace PciCloud.Grains.Sessions;

/// <summary>
/// Key presses that may have been missed. The call counts them (a skipped sequence, a delivery the
/// worker gave up on, a digit this session did not answer for) and tells the session; while a field
/// is being captured it may now lack a digit, and the view says so until the agent resets or captures.
/// </summary>
public sealed partial class PaymentSessionGrain
{
    public async Task DigitsLostAsync(int count)
    {
        if (_session is null || _session.CapturingField is null || count <= 0)
        {
            return; // nothing was being keyed: a lost key would have been dropped anyway
        }

        state.State.DigitsLost += count;
        await AfterChangeAsync();
    }

    private SessionResult ForgetLostDigits(SessionResult result)
    {
        if (result.IsAccepted)
        {
            state.State.DigitsLost = 0;
        }

        return result;
    }
}
