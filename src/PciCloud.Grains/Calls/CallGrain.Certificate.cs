using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Audit;
using PciCloud.Contracts.Calls;
using PciCloud.Grains.Certificates;

namespace PciCloud.Grains.Calls;

/// <summary>
/// The call's signed masking certificate. The final one is issued once: when the call has ended and
/// the worker's last report arrived, or <see cref="FinalEvidenceGrace"/> after the end without it (then it
/// says the evidence is incomplete). It is kept, and its SHA-256 goes into the tenant's audit chain, so
/// it cannot be swapped later. Before that, each request gets one signed over the evidence so far.
/// </summary>
public sealed partial class CallGrain
{
    /// <summary>How long after the end the final certificate waits for the worker's last report.</summary>
    public static readonly TimeSpan FinalEvidenceGrace = TimeSpan.FromSeconds(10);

    private IGrainTimer? _finalEvidenceTimer;

    public async Task<MaskingCertificate?> GetMaskingCertificateAsync()
    {
        if (!Exists)
        {
            return null;
        }

        if (state.State.Certificate is { } issued)
        {
            return issued;
        }

        if (ReadyForFinalCertificate)
        {
            return await IssueFinalCertificateAsync();
        }

        var now = time.GetUtcNow();
        var (jws, keyId) = await SignAsync(now, final: false);
        return new MaskingCertificate(jws, false, keyId, now);
    }

    private bool ReadyForFinalCertificate =>
        state.State.Status == CallView.Ended
        && (state.State.Masking?.Final == true || time.GetUtcNow() >= state.State.EndedAt + FinalEvidenceGrace);

    /// <summary>After the end: issue now if the worker's last report is in, else when it comes or the grace ends.</summary>
    private async Task CallEndedForCertificateAsync()
    {
        if (state.State.Masking?.Final == true)
        {
            await TryIssueFinalCertificateAsync();
            return;
        }

        _finalEvidenceTimer ??= this.RegisterGrainTimer(
            _ => state.State.Certificate is null ? TryIssueFinalCertificateAsync() : Task.CompletedTask,
            new GrainTimerCreationOptions(FinalEvidenceGrace, Timeout.InfiniteTimeSpan));
    }

    /// <summary>A failure (vault unreachable) is logged, not thrown: the next request for the certificate issues it.</summary>
    private async Task TryIssueFinalCertificateAsync()
    {
        try
        {
            await IssueFinalCertificateAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCertificateFailed(ex.GetType().Name);
        }
    }

    private async Task<MaskingCertificate> IssueFinalCertificateAsync()
    {
        _finalEvidenceTimer?.Dispose();
        _finalEvidenceTimer = null;
        var now = time.GetUtcNow();
        var (jws, keyId) = await SignAsync(now, final: true);
        var certificate = new MaskingCertificate(jws, true, keyId, now);
        // Into the audit chain before it is served: the chain then pins exactly this certificate.
        await grains.GetGrain<IAuditLogGrain>(state.State.TenantId!)
            .AppendAsync(new AuditRecord("region", "masking_certificate.issued", this.GetPrimaryKeyString(), "sha256:" + Sha256Hex(jws)));
        state.State.Certificate = certificate;
        await state.WriteStateAsync();
        return certificate;
    }

    private Task<(string Jws, string KeyId)> SignAsync(DateTimeOffset now, bool final)
    {
        var payload = MaskingCertificatePayload.Build(this.GetPrimaryKeyString(), state.State, signer.Region, now, final);
        return signer.SignAsync(payload, CancellationToken.None);
    }

    /// <summary>Lower-case hex SHA-256 of the certificate's compact text, as the audit event and the API state it.</summary>
    public static string Sha256Hex(string jws) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(jws)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The final masking certificate could not be issued yet ({Error}); it will be on the next request")]
    private partial void LogCertificateFailed(string error);
}
