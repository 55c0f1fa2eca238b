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
}
