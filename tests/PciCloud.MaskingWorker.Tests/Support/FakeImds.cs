using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>
/// A local stand-in for the Azure instance metadata service on 127.0.0.1: like the real one, it
/// refuses a request without the "Metadata: true" header (400) and answers the public IP as text.
/// </summary>
internal sealed class FakeImds : IAsyncDisposable
{
    public const string PublicIpPath = "/metadata/instance/network/interface/0/ipv4/ipAddress/0/publicIpAddress";

    private readonly WebApplication _app;

    private FakeImds(WebApplication app) => _app = app;

    /// <summary>What the service answers with the header present: a status code and a body.</summary>
    public (int Status, string Body) Answer { get; set; } = (StatusCodes.Status200OK, "203.0.113.7");

    public int Requests;

    public int RefusedForMissingHeader;

    public Uri BaseUri => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public static async Task<FakeImds> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var imds = new FakeImds(app);
        app.MapGet(PublicIpPath, (HttpContext context) =>
        {
            Interlocked.Increment(ref imds.Requests);
            if (context.Request.Headers["Metadata"] != "true")
            {
                Interlocked.Increment(ref imds.RefusedForMissingHeader);
                return Results.Text("Required metadata header not specified", statusCode: StatusCodes.Status400BadRequest);
            }

            if (context.Request.Query["api-version"] != "2021-02-01" || context.Request.Query["format"] != "text")
            {
                return Results.Text("Bad request", statusCode: StatusCodes.Status400BadRequest);
            }

            var (status, body) = imds.Answer;
            return Results.Text(body, "text/plain", statusCode: status);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return imds;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
