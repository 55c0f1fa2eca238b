using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PciCloud.Region.Apis;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Certificates;
using PciCloud.Region.Http;
using PciCloud.Region.Secrets;
using PciCloud.Region.Webhooks;

namespace PciCloud.Region.Hosting;

public static class RegionHostingExtensions
{
    /// <summary>The region's services: silo, secret store, auth, API plumbing. Program.cs calls this.</summary>
    public static IHostApplicationBuilder AddRegion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RegionOptions>().Bind(builder.Configuration.GetSection(RegionOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RegionOptions>, RegionOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRegionSilo();
        builder.AddSecretStore();
        builder.AddMaskingCertificates();
        builder.Services.AddSingleton<SigningKeys>();
        builder.Services.AddSingleton<AgentTokens>();
        builder.Services.AddSingleton<MediaTokens>();
        builder.Services.AddSingleton<CallerAuthenticator>();
        builder.Services.AddSingleton<FailedAuthenticationThrottle>();
        builder.Services.AddSingleton<OpenStreamSlots>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<RegionOptions>>(TrustedProxies.Configure);
        builder.Services.AddSingleton<AuditTrail>();
        builder.AddGatewayConnectors();
        builder.AddWebhookDelivery();
        builder.Services.AddHostedService<TenantSeeder>();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.AllowTrailingCommas = false;
        });
        return builder;
    }

    /// <summary>Order matters: problems for everything, then body limit, auth, per-tenant rate, idempotency.</summary>
    public static WebApplication UseRegionPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders(); // the client's address, from X-Forwarded-For of a trusted proxy (the edge) only
        app.UseMiddleware<ApiResponseHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(async ctx =>
        {
            var status = ctx.HttpContext.Response.StatusCode;
            await (status switch
            {
                404 => Problems.NotFound(),
                405 => Problems.Of(405, "method_not_allowed", "Method not allowed."),
                415 => Problems.Invalid("Send the body as application/json."),
                _ => Problems.Of(status, "http_error", "Request failed."),
            }).ExecuteAsync(ctx.HttpContext);
        });
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseRouting();
        app.UseMiddleware<CallerAuthenticationMiddleware>();
        app.UseMiddleware<TenantRateLimitMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    public static WebApplication MapRegionApis(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapTenantsAdminApi();
        app.MapCallsApi();
        app.MapMaskingCertificatesApi();
        app.MapWellKnownApi();
        app.MapPaymentSessionsApi();
        app.MapPaymentsApi();
        app.MapTokensApi();
        app.MapSchedulesApi();
        app.MapTenantRecordsApis();
        return app;
    }
}
