using PciCloud.Region.AgentAssist;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => "ok");
app.MapAgentAssist();
app.Run();

public partial class Program;
