using System.Text.Json;
using PciCloud.Payments.Gateways;

namespace PciCloud.Payments.Stripe;

/// <summary>
/// The "stripe" kind: credentials {"apiKey": "sk_...", "apiBase"?: "https://..."}. An apiBase other
/// than Stripe's is accepted only when <see cref="StripeConnectorOptions"/> (the deployment) allows it.
/// </summary>
public sealed class StripeConnector(StripeConnectorOptions options) : IGatewayConnector
{
    public const string Kind = "stripe";
    private const string StripeHost = "api.stripe.com";

    public bool NeedsCredentials => true;

    public string? CredentialsProblem(string? credentialsJson) => Parse(credentialsJson, out _);

    public IPaymentGateway Connect(string? credentialsJson) =>
        Parse(credentialsJson, out var gatewayOptions) is { } problem ? throw new ArgumentException(problem, nameof(credentialsJson)) : new StripeGateway(gatewayOptions!);

    private string? Parse(string? json, out StripeGatewayOptions? parsed)
    {
        parsed = null;
        try
        {
            using var doc = JsonDocument.Parse(json ?? "");
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("apiKey", out var key)
                || key.ValueKind != JsonValueKind.String || key.GetString() is not { Length: > 0 } apiKey)
            {
                return "Stripe credentials need an apiKey string.";
            }

            parsed = new StripeGatewayOptions { ApiKey = apiKey };
            if (!root.TryGetProperty("apiBase", out var apiBase) || apiBase.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (apiBase.ValueKind != JsonValueKind.String || ApiBaseProblem(apiBase.GetString()!) is { } problem)
            {
                parsed = null;
                return "apiBase is not allowed by this deployment: only https://api.stripe.com or an https host on the platform's allow-list.";
            }

            parsed = parsed with { ApiBase = apiBase.GetString()! };
            return null;
        }
        catch (JsonException)
        {
            return "Stripe credentials must be a JSON object.";
        }
    }

    private string? ApiBaseProblem(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo)
            || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "not an absolute http(s) URL without credentials";
        }

        if (options.AllowAnyApiBase)
        {
            return null;
        }

        var allowed = string.Equals(uri.IdnHost, StripeHost, StringComparison.OrdinalIgnoreCase)
            || options.AllowedApiBaseHosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase);
        return uri.Scheme == "https" && allowed ? null : "not on the allow-list";
    }
}
