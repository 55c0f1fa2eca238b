namespace PciCloud.Edge;

/// <summary>
/// Builds a ready-to-start edge for another program (the local stack, tests, load tests):
/// <c>var edge = EdgeHost.Create(b =&gt; b.Configuration["Edge:Regions:us"] = "http://127.0.0.1:8081"); await edge.StartAsync();</c>
/// </summary>
public static class EdgeHost
{
    public static WebApplication Create(Action<WebApplicationBuilder>? configure = null) =>
        Create(new WebApplicationOptions(), configure);

    public static WebApplication Create(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        builder.AddEdge();
        var app = builder.Build();
        app.MapEdge();
        return app;
    }
}
