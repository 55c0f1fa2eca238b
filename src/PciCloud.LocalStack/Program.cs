using PciCloud.LocalStack.Hosting;

return await LocalStackApp.RunAsync(args);
