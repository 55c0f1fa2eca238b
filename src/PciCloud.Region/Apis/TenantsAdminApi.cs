using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PciCloud.Contracts.Tenants;
using PciCloud.Grains;
using PciCloud.Grains.Gateways;
using PciCloud.Grains.Secrets;
using PciCloud.Payments.Gateways;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Hosting;
using PciCloud.Region.Http;
using PciCloud.Region.Validation;

namespace PciCloud.Region.Apis;

/// <summary>Platform ops: tenants, gateway credentials, API keys (API.md "Admin").</summary>
public static class TenantsAdminApi
{
    private const int MaxCredentialBytes = 8 * 1024;

    public static RouteGroupBuilder MapTenantsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/v1/tenants").WithTags("Admin").WithMetadata(new RequiresCaller(CallerKind.Admin));
        api.MapPost("/", CreateTenant);
        api.MapGet("/", ListTenants);
        api.MapGet("/{id}", GetTenant);
        api.MapPatch("/{id}", PatchTenant);
        api.MapPut("/{id}/gateway-credentials", PutGatewayCredentials);
        api.MapPost("/{id}/api-keys", CreateApiKey);
        api.MapDelete("/{id}/api-keys/{keyId}", DeleteApiKey);
        return api;
    }

    public static async Task<Results<Created<TenantResponse>, ProblemHttpResult>> CreateTenant(
        CreateTenantRequest request, IGrainFactory grains, IGatewayResolver gateways, IOptions<RegionOptions> options, TimeProvider time,
        AuditTrail audit, HttpContext context)
    {
        var (settings, error) = TenantRequestValidator.Validate(request, options.Value.Name, time.GetUtcNow(), gateways.IsKnownKind);
        if (error is not null)
        {
            return error;
        }

        var outcome = await grains.GetGrain<ITenantGrain>(settings!.Id).CreateAsync(settings);
        if (outcome == TenantCreateOutcome.AlreadyExists)
        {
            return Problems.Conflict("tenant_exists", $"Tenant '{settings.Id}' already exists.");
        }

        await audit.RecordAsync(settings.Id, context.GetCaller(), "tenant.created", settings.Id);
        return TypedResults.Created($"/admin/v1/tenants/{settings.Id}", TenantResponse.From(settings));
    }

    public static async Task<Ok<ListResponse<TenantResponse>>> ListTenants(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key).ListAsync();
        var tenants = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITenantGrain>(id).GetAsync()));
        return TypedResults.Ok(new ListResponse<TenantResponse>([.. tenants.OfType<TenantSettings>().Select(TenantResponse.From)]));
    }

    public static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> GetTenant(
        string id, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var settings = SecretKeys.IsValidTenantId(id) ? await grains.GetGrain<ITenantGrain>(id).GetAsync() : null;
        if (settings is not null)
        {
            // Recorded in the tenant's own trail: the tenant can see every admin look at its settings.
            await audit.RecordAsync(id, context.GetCaller(), "tenant.read", id);
        }

        return settings is null ? Problems.NotFound() : TypedResults.Ok(TenantResponse.From(settings));
    }

    public static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> PatchTenant(
        string id, PatchTenantRequest request, IGrainFactory grains, IGatewayResolver gateways, AuditTrail audit, HttpContext context)
    {
        var tenant = SecretKeys.IsValidTenantId(id) ? grains.GetGrain<ITenantGrain>(id) : null;
        if (tenant is null || await tenant.GetAsync() is not { } current)
        {
            return Problems.NotFound();
        }

        var (settings, error) = TenantPatchValidator.Apply(request, current, gateways.IsKnownKind);
        if (error is not null)
        {
            await audit.RecordAsync(id, context.GetCaller(), "tenant.update", id, "invalid_request");
            return error;
        }

        await tenant.UpdateAsync(settings!);
        await audit.RecordAsync(id, context.GetCaller(), "tenant.updated", id);
        return TypedResults.Ok(TenantResponse.From((await tenant.GetAsync())!));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PutGatewayCredentials(
        string id, JsonElement credentials, string? gateway, IGrainFactory grains, ISecretStore secrets, IServiceProvider services,
        AuditTrail audit, HttpContext context)
    {
        if (!SecretKeys.IsValidTenantId(id) || await grains.GetGrain<ITenantGrain>(id).GetAsync() is not { } tenant)
        {
            return Problems.NotFound();
        }

        // ?gateway=<name>: the credentials of one of the tenant's named gateway configurations.
        var kind = tenant.GatewayKind;
        if (gateway is not null && (tenant.Gateways?.TryGetValue(gateway, out kind) != true || kind is null))
        {
            return Problems.Invalid($"gateway '{gateway}' is not one of the tenant's named gateways (PATCH the tenant's gateways first).", "gateway_not_found");
        }

        var json = credentials.GetRawText();
        if (credentials.ValueKind != JsonValueKind.Object || json.Length > MaxCredentialBytes)
        {
            return Problems.Invalid("Gateway credentials must be a JSON object (for Stripe: {\"apiKey\": \"sk_live_...\"}).");
        }

        // The connector of the tenant's kind decides; e.g. Stripe refuses an apiBase the deployment does not allow.
        if (services.GetKeyedService<IGatewayConnector>(kind)?.CredentialsProblem(json) is { } problem)
        {
            await audit.RecordAsync(id, context.GetCaller(), "gateway_credentials.update", id, "invalid_gateway_credentials");
            return Problems.Invalid(problem, "invalid_gateway_credentials");
        }

        await secrets.SetAsync(SecretNames.GatewayCredentials(id, gateway), json, context.RequestAborted);
        await audit.RecordAsync(id, context.GetCaller(), "gateway_credentials.updated", id);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<ApiKeyResponse>, ProblemHttpResult>> CreateApiKey(
        string id, IGrainFactory grains, TimeProvider time, AuditTrail audit, HttpContext context)
    {
        if (!SecretKeys.IsValidTenantId(id))
        {
            return Problems.NotFound();
        }

        var key = SecretKeys.Create(id);
        var record = new ApiKeyRecord(Ids.New("key"), SecretKeys.Hash(key), time.GetUtcNow());
        if (!await grains.GetGrain<ITenantGrain>(id).AddApiKeyAsync(record))
        {
            return Problems.NotFound();
        }

        await audit.RecordAsync(id, context.GetCaller(), "api_key.created", record.KeyId);
        return TypedResults.Created($"/admin/v1/tenants/{id}/api-keys/{record.KeyId}",
            new ApiKeyResponse(record.KeyId, id, key, record.CreatedAt));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteApiKey(
        string id, string keyId, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        if (!SecretKeys.IsValidTenantId(id) || !await grains.GetGrain<ITenantGrain>(id).RevokeApiKeyAsync(keyId))
        {
            return Problems.NotFound();
        }

        await audit.RecordAsync(id, context.GetCaller(), "api_key.revoked", keyId);
        return TypedResults.NoContent();
    }
}
