using PciCloud.Edge;

var builder = WebApplication.CreateBuilder(args);
builder.AddEdge();

var app = builder.Build();
app.MapEdge();
app.Run();

public partial class Program;
