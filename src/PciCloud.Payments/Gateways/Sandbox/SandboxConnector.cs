namespace PciCloud.Payments.Gateways.Sandbox;

/// <summary>The sandbox kind: every tenant of the silo shares its one in-process sandbox; no credentials.</summary>
public sealed class SandboxConnector(SandboxGateway sandbox) : IGatewayConnector
{
    public const string Kind = "sandbox";

    public bool NeedsCredentials => false;

    public string? CredentialsProblem(string? credentialsJson) => null;

    public IPaymentGateway Connect(string? credentialsJson) => sandbox;
}
