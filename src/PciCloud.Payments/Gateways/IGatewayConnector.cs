namespace PciCloud.Payments.Gateways;

/// <summary>
/// One kind of gateway ("sandbox", "stripe"): turns a tenant's stored credentials into a gateway.
/// The host registers each connector as a keyed service under its kind, so the code that picks a
/// tenant's gateway never names a vendor. The credentials are the JSON object the platform admin
/// stored; a connector never echoes them in a problem text.
/// </summary>
public interface IGatewayConnector
{
    /// <summary>False for a connector that needs nothing stored (the sandbox).</summary>
    bool NeedsCredentials { get; }

    /// <summary>Null when the credentials are usable by this deployment, else what is wrong with them (no secret in it).</summary>
    string? CredentialsProblem(string? credentialsJson);

    /// <summary>A gateway for credentials <see cref="CredentialsProblem"/> accepted.</summary>
    IPaymentGateway Connect(string? credentialsJson);
}
