using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Sessions;

namespace PciCloud.Grains.Calls;

/// <summary>
/// Key presses: each goes to the session capturing a field. One that never arrived (a sequence a
/// later delivery skipped, one the worker reports lost, or one the session could not take) is
/// counted, and the open session is told, so the agent resets the field and asks again.
/// </summary>
public sealed partial class CallGrain
{
    private const string Keypad = "0123456789*#ABCD";

    public async Task<KeyPressOutcome> ReportKeyPress(KeyPressReport report)
    {
        if (!Exists || state.State.Status != CallView.Active || !Keypad.Contains(report.Digit) || report.Sequence < 0)
        {
            return KeyPressOutcome.Rejected;
        }

        if (!state.State.KeyPresses.TryDeliver(report.Sequence, out var skipped))
        {
            return KeyPressOutcome.Duplicate;
        }

        CountLost(skipped);
        await TellSessionOfLostDigitsAsync(); // the lost ones came before this one
        var outcome = await RouteAsync(report.Digit);
        if (outcome == KeyPressOutcome.Lost)
        {
            CountLost(1); // told with the next key press or the next masking report: the session is not answering now
        }

        await state.WriteStateAsync();
        LogKeyPress(report.Sequence, report.Transport, outcome);
        return outcome;
    }

    private void CountLostKeyPresses(IReadOnlyList<long>? lostSequences)
    {
        foreach (var sequence in lostSequences ?? [])
        {
            if (sequence >= 0 && state.State.KeyPresses.TryMarkLost(sequence))
            {
                CountLost(1);
            }
        }
    }

    private void CountLost(int count)
    {
        if (count > 0 && state.State.OpenSessionId is not null)
        {
            state.State.DigitsLostUntold += count;
            LogDigitsLost(count);
        }
    }

    /// <summary>Tells the open session of the lost key presses; kept for the next try when it does not answer.</summary>
    private async Task TellSessionOfLostDigitsAsync()
    {
        if (state.State.DigitsLostUntold == 0 || state.State.OpenSessionId is not { } sessionId)
        {
            state.State.DigitsLostUntold = 0;
            return;
        }

        try
        {
            await grains.GetGrain<IPaymentSessionGrain>(sessionId).DigitsLostAsync(state.State.DigitsLostUntold);
            state.State.DigitsLostUntold = 0;
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            LogRoutingFailed(ex.GetType().Name);
        }
    }

    private async Task<KeyPressOutcome> RouteAsync(char digit)
    {
        if (state.State.OpenSessionId is not { } sessionId)
        {
            return KeyPressOutcome.Dropped;
        }

        try
        {
            var taken = await grains.GetGrain<IPaymentSessionGrain>(sessionId).AcceptDigitAsync(digit);
            return taken == DigitOutcome.Accepted ? KeyPressOutcome.Routed : KeyPressOutcome.Dropped;
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            LogRoutingFailed(ex.GetType().Name);
            return KeyPressOutcome.Lost;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Key press {Sequence} via {Transport}: {Outcome}")]
    private partial void LogKeyPress(long sequence, string transport, KeyPressOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The session could not be reached ({Error})")]
    private partial void LogRoutingFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} key press(es) on this call may have been missed: the session is told")]
    private partial void LogDigitsLost(int count);
}
