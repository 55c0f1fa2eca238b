using PciCloud.MaskingWorker.Hosting;
using PciCloud.ServiceDefaults;

// Telemetry here, not in CreateBuilder: the local stack composes workers in its own process.
var builder = MaskingWorkerHost.CreateBuilder(args);
builder.AddServiceDefaults(); // telemetry; the worker maps its own /health and /alive
var app = builder.Build();
app.MapMaskingWorker();
app.Run();

public partial class Program;
