using Microsoft.Extensions.Options;
using PciCloud.Grains.Gateways;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Gateways.Sandbox;
using PciCloud.Payments.Stripe;

namespace PciCloud.Region.Hosting;

/// <summary>
/// The gateway kinds this region offers, each a keyed <see cref="IGatewayConnector"/> under its
/// kind; a tenant may only use a registered kind. The Stripe connector reads what apiBase the
/// deployment allows from "Gateways:Stripe" (<see cref="StripeConnectorOptions"/>).
/// </summary>
public static class GatewayConnectorExtensions
{
    public static IHostApplicationBuilder AddGatewayConnectors(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<StripeConnectorOptions>(builder.Configuration.GetSection(StripeConnectorOptions.Section));
        builder.Services.AddSingleton<SandboxGateway>();
        builder.Services.AddKeyedSingleton<IGatewayConnector>(SandboxConnector.Kind,
            (sp, _) => new SandboxConnector(sp.GetRequiredService<SandboxGateway>()));
        builder.Services.AddKeyedSingleton<IGatewayConnector>(StripeConnector.Kind,
            (sp, _) => new StripeConnector(sp.GetRequiredService<IOptions<StripeConnectorOptions>>().Value));
        builder.Services.AddSingleton<IGatewayResolver, GatewayResolver>();
        return builder;
    }
}
