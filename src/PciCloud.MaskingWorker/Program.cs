using PciCloud.MaskingWorker.Hosting;

var app = MaskingWorkerHost.CreateBuilder(args).Build();
app.MapMaskingWorker();
app.Run();

public partial class Program;
