namespace PciCloud.LocalStack.Demo;

/// <summary>How the demo call goes: which card the customer keys, how fast, where files go.</summary>
public sealed record DemoOptions
{
    /// <summary>Stripe's test Visa; the sandbox gateway approves it.</summary>
    public string CardNumber { get; init; } = "4242424242424242";

    /// <summary>MMYY, in the future.</summary>
    public string Expiry { get; init; } = "1230";

    public string SecurityCode { get; init; } = "737";

    public bool Fast { get; init; }

    public string OutputDirectory { get; init; } = "demo-output";

    public string Region { get; init; } = "uk";

    /// <summary>Stop the stack when the demo ends (scripts, CI). Without it the stack keeps running until Ctrl+C, so the printed Agent Assist link works.</summary>
    public bool ExitAfter { get; init; }

    /// <summary>A UK Direct Debit instead of a card: the customer keys a sort code and account number (sandbox test account).</summary>
    public bool Bank { get; init; }

    public string SortCode { get; init; } = "089999";

    public string AccountNumber { get; init; } = "66374958";

    /// <summary>
    /// The address the masking worker sends the agent's masked audio to (the call's forwardTo): loopback for
    /// the local stack; for a deployed region, this machine's public address, reachable by UDP from the region.
    /// </summary>
    public string AgentHost { get; init; } = "127.0.0.1";

    /// <summary>Succeed only on an approval (the smoke test); the demo also accepts a decline (the declined test card).</summary>
    public bool RequireApproval { get; init; }
}
