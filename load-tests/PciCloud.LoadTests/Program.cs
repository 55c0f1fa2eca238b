using PciCloud.LoadTests.Edge;
using PciCloud.LoadTests.MaskingWorker;
using PciCloud.LoadTests.Region;
using PciCloud.LoadTests.Runner;
using PciCloud.LoadTests.Sip;

// Scenario runner for PciCloud load tests (HdrHistogram, NBomber-style reports).
// Usage: dotnet run -c Release --project load-tests/PciCloud.LoadTests -- <scenario> [--seconds N] [--key value ...]
return await ScenarioRunner.RunAsync(args,
[
    new EdgeScenario(),
    new ServeBackendScenario(),
    new ServeEdgeScenario(),
    new MaskingWorkerScenario(),
    new ServeMaskingWorkerScenario(),
    new RtpFuzzScenario(),
    new RegionScenario(),
    new ServeRegionScenario(),
    new NgCyclesScenario(),
]);
