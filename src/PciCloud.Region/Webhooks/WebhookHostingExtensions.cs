using PciCloud.Grains.Webhooks;
using PciCloud.Region.Apis;

namespace PciCloud.Region.Webhooks;

/// <summary>Webhook delivery, audit and reports: the services and API groups, composed by the region host.</summary>
public static class WebhookHostingExtensions
{
    public static IHostApplicationBuilder AddWebhookDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        return builder;
    }

    /// <summary>GET /v1/audit-events, GET /v1/reports/calls, PUT|GET /v1/webhook-endpoint.</summary>
    public static IEndpointRouteBuilder MapTenantRecordsApis(this IEndpointRouteBuilder app)
    {
        app.MapAuditApi();
        app.MapReportsApi();
        app.MapWebhooksApi();
        return app;
    }
}
