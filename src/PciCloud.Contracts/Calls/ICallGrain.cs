using Orleans.Concurrency;

namespace PciCloud.Contracts.Calls;

/// <summary>
/// One call (key: call id). Persisted, never digits. The call may wait for its payment session (a key press, a
/// check); the session never waits for the call: what it tells the call is one-way, so no cycle can hold both.
/// </summary>
[Alias("pcicloud.call-grain.v1")]
public interface ICallGrain : IGrainWithStringKey
{
    [Alias("start")] Task<CallView> StartAsync(CallStart start);

    [Alias("get")] Task<CallView?> GetAsync();

    [Alias("end")] Task<CallView?> EndAsync();

    /// <summary>
    /// For the masking worker: the call's media settings, or null for an unknown call. A read that may
    /// interleave: the worker asks while the grain, starting the call, waits for that same worker to open its port.
    /// </summary>
    [Alias("media-settings"), Orleans.Concurrency.AlwaysInterleave] Task<MediaSettings?> GetMediaSettings();

    /// <summary>True when <paramref name="token"/> is this call's media token and the call is active.</summary>
    [Alias("validate-media-token")] Task<bool> ValidateMediaToken(string token);

    /// <summary>For the masking worker: one detected key press, idempotent per sequence.</summary>
    [Alias("key-press")] Task<KeyPressOutcome> ReportKeyPress(KeyPressReport report);

    /// <summary>For the masking worker: the call's masking evidence so far (replaces the previous).</summary>
    [Alias("masking-summary")] Task ReportMaskingSummary(MaskingSummary summary);

    [Alias("masking-report")] Task<MaskingSummary?> GetMaskingSummaryAsync();

    /// <summary>
    /// The call's signed masking certificate: the final one once issued, else one issued now over the
    /// evidence so far; null for an unknown call.
    /// </summary>
    [Alias("masking-certificate")] Task<MaskingCertificate?> GetMaskingCertificateAsync();

    /// <summary>Attach a new payment session; false when another one is still open.</summary>
    [Alias("open-session")] Task<bool> OpenSessionAsync(string sessionId);

    /// <summary>The session reached a final status: it is no longer the open one. One-way (see the type's remarks).</summary>
    [OneWay, Alias("session-finished")] Task SessionFinishedAsync(SessionOutcomeSummary outcome);

    [Alias("report-row")] Task<CallReportRow?> GetReportRowAsync();

    /// <summary>
    /// For the masking worker: tell <paramref name="observer"/> when a session starts or stops capturing
    /// (replaces an earlier observer; call again now and then, a new activation has none). Returns whether
    /// a field is being captured now.
    /// </summary>
    [Alias("watch-capture")] Task<bool> WatchCaptureAsync(ICallMediaObserver observer);

    /// <summary>
    /// For the call's payment session: it started (or stopped) capturing a field. One-way: the session may be
    /// changing inside a key press the CallGrain routed to it, so it must not wait on the CallGrain.
    /// </summary>
    [OneWay, Alias("capture-changed")] Task SessionCaptureChangedAsync(string sessionId, bool capturing);
}
