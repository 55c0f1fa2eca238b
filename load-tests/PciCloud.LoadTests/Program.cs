// Scenario runner for PciCloud load tests (HdrHistogram, NBomber-style reports).
// Scenarios are added per component; see README.md in this folder.
Console.Error.WriteLine("usage: PciCloud.LoadTests <scenario> [options]");
return 2;
