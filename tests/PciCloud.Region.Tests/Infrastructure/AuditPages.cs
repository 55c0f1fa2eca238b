using System.Text.Json.Nodes;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>Reads a tenant's whole audit list by following nextCursor (the list is paged, oldest first).</summary>
internal static class AuditPages
{
    public static async Task<JsonArray> AllAsync(HttpClient client, string query = "")
    {
        var all = new JsonArray();
        string? cursor = null;
        var separator = query.Length == 0 ? "?" : "&";
        do
        {
            var path = "/v1/audit-events" + query + (cursor is null ? "" : $"{separator}cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await client.GetAsync(path, TestContext.Current.CancellationToken)).BodyAsync();
            foreach (var e in page["data"]!.AsArray())
            {
                all.Add(e!.DeepClone());
            }

            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        return all;
    }
}
