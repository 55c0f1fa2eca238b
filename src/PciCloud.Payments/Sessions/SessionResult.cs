namespace PciCloud.Payments.Sessions;

/// <summary>The answer to every session command: accepted, or refused with a stable reason (and nothing changed).</summary>
public readonly record struct SessionResult(bool IsAccepted, string? Reason)
{
    public static SessionResult Accepted { get; } = new(true, null);

    public static SessionResult Refused(string reason) => new(false, reason);

    public override string ToString() => IsAccepted ? "accepted" : $"refused: {Reason}";
}
