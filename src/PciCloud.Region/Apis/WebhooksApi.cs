using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Secrets;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Hosting;
using PciCloud.Region.Http;
using PciCloud.Region.Webhooks;

namespace PciCloud.Region.Apis;

/// <summary>API.md "Webhooks": the tenant's endpoint; PUT answers a new signing secret, shown once.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/webhook-endpoint").WithTags("Webhooks").WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapPut("/", PutEndpoint);
        api.MapGet("/", GetEndpoint);
        return api;
    }

    public static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> PutEndpoint(
        WebhookEndpointRequest request, IGrainFactory grains, ISecretStore secrets, IOptions<RegionOptions> options,
        AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var (url, events, error) = WebhookEndpointValidator.Validate(request, options.Value.AllowPrivateWebhooks);
        if (error is not null)
        {
            await audit.RecordAsync(caller.TenantId, caller, "webhook_endpoint.update", caller.TenantId, "invalid_request");
            return error;
        }

        // A new secret on every PUT: the previous one stops verifying, as after a Stripe "roll secret".
        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var secretName = SecretNames.WebhookSigningSecret(caller.TenantId);
        await secrets.SetAsync(secretName, secret, context.RequestAborted);
        await grains.GetGrain<IWebhookGrain>(caller.TenantId).SetEndpointAsync(new WebhookEndpoint(url!.AbsoluteUri, events, secretName));
        await audit.RecordAsync(caller.TenantId, caller, "webhook_endpoint.updated", caller.TenantId);
        return TypedResults.Ok(new WebhookEndpointResponse(url.AbsoluteUri, events, secret));
    }

    public static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> GetEndpoint(
        IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var endpoint = await grains.GetGrain<IWebhookGrain>(caller.TenantId).GetEndpointAsync();
        await audit.RecordAsync(caller.TenantId, caller, "webhook_endpoint.read", caller.TenantId, endpoint is null ? "not_found" : "success");
        return endpoint is null ? Problems.NotFound() : TypedResults.Ok(new WebhookEndpointResponse(endpoint.Url, endpoint.Events));
    }
}
