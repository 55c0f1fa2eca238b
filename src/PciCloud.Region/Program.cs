using PciCloud.Region.AgentAssist;
using PciCloud.Region.Hosting;
using PciCloud.ServiceDefaults;

// The region host: minimal API + Orleans silo + Agent Assist page. Configuration: see
// Hosting/RegionOptions.cs, Hosting/OrleansHostingExtensions.cs (Redis), Hosting/OrleansTls.cs,
// Secrets/SecretStoreExtensions.cs.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRegion();

var app = builder.Build();
app.UseRegionPipeline();
app.MapDefaultEndpoints();
app.MapRegionApis();
app.MapAgentAssist();
app.Run();

public partial class Program;
