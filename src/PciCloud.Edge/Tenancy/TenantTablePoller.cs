using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;
using PciCloud.Edge.Telemetry;

namespace PciCloud.Edge.Tenancy;

/// <summary>
/// Polls every region's <c>GET /admin/v1/tenants</c> (with the platform admin key) and hands each full list to
/// the <see cref="TenantDirectory"/>, so a tenant created at runtime is routable within one refresh interval.
/// </summary>
internal sealed partial class TenantTablePoller(
    IOptionsMonitor<EdgeOptions> options,
    IHttpClientFactory httpClients,
    TenantDirectory directory,
    EdgeMetrics metrics,
    TimeProvider time,
    ILogger<TenantTablePoller> logger) : BackgroundService
{
    public const string HttpClientName = "PciCloud.Edge.TenantPoller";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var current = options.CurrentValue;
            if (current.PlatformAdminKey.Length == 0)
            {
                LogNoAdminKey();
            }
            else
            {
                await Task.WhenAll(current.RegionDestinations.Select(r =>
                    PollRegionAsync(r.Key, r.Value, current.PlatformAdminKey, stoppingToken)));
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(current.TenantRefreshSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PollRegionAsync(string region, IReadOnlyList<Uri> destinations, string adminKey, CancellationToken ct)
    {
        // Any healthy destination of the region can answer for the whole region.
        foreach (var destination in destinations)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(destination, "/admin/v1/tenants"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
                var tenants = RegionTenantListReader.Read(json.RootElement, region, out var skipped);
                if (skipped > 0)
                {
                    LogSkipped(region, skipped);
                }
                directory.SetRegionTenants(region, tenants);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or FormatException or TaskCanceledException
                                       && !ct.IsCancellationRequested)
            {
                LogPollFailed(region, destination, ex.Message);
            }
        }
        metrics.RecordRoutingFailure("tenant_list_unavailable", region);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge:PlatformAdminKey is empty: the tenant table holds only Edge:StaticTenants.")]
    private partial void LogNoAdminKey();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region}: skipped {Count} tenant entries with an invalid id or another region.")]
    private partial void LogSkipped(string region, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region}: tenant list from {Destination} failed ({Reason}); keeping the last known list.")]
    private partial void LogPollFailed(string region, Uri destination, string reason);
}
