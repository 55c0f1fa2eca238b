namespace PciCloud.Contracts.Sessions;

/// <summary>A session command's answer: the view, or a refusal with a stable code (nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.session-reply.v1")]
public sealed record SessionReply(
    [property: Id(0)] PaymentSessionView? View,
    [property: Id(1)] string? ErrorCode,
    [property: Id(2)] string? ErrorDetail)
{
    public bool Ok => ErrorCode is null;

    public static SessionReply Success(PaymentSessionView view) => new(view, null, null);

    public static SessionReply Refused(string code, string detail) => new(null, code, detail);
}
