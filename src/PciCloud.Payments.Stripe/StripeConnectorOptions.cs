namespace PciCloud.Payments.Stripe;

/// <summary>
/// What the platform's deployment allows a tenant's Stripe credentials to say (configuration
/// section "Gateways:Stripe"; never settable by an API call). The API base decides where card data
/// is sent, so by default only Stripe's own is accepted.
/// </summary>
public sealed class StripeConnectorOptions
{
    public const string Section = "Gateways:Stripe";

    /// <summary>Host names besides api.stripe.com an apiBase may name, https only (e.g. an egress proxy the platform runs).</summary>
    public List<string> AllowedApiBaseHosts { get; set; } = [];

    /// <summary>Local stack and tests only: any http or https apiBase (a local Stripe-protocol server).</summary>
    public bool AllowAnyApiBase { get; set; }
}
