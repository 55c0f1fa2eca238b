using PciCloud.Grains;
using PciCloud.Region.Http;

namespace PciCloud.Region.Apis;

/// <summary>
/// Ids of objects a POST creates (refunds, token charges). With an Idempotency-Key the id is derived
/// from tenant + target + key, so a retry the idempotency layer could not replay (the first attempt
/// died or answered 5xx) finds the object the first attempt created instead of refunding or charging again.
/// </summary>
internal static class RequestScopedIds
{
    public static string For(HttpContext context, string prefix, string tenantId, string target)
    {
        var key = context.Request.Headers[IdempotencyMiddleware.Header].ToString();
        return key.Length == 0 ? Ids.New(prefix) : Ids.Derive(prefix, $"{tenantId}|{target}|{key}");
    }
}
