namespace PciCloud.LoadTests.Runner;

/// <summary>One named load test. Add a class per scenario and list it in Program.cs.</summary>
public interface IScenario
{
    string Name { get; }

    string Description { get; }

    /// <summary>Helper scenarios (child processes a scenario starts) are not listed in the usage text.</summary>
    bool Hidden => false;

    /// <returns>The process exit code: 0 when the scenario met its targets.</returns>
    Task<int> RunAsync(ScenarioArgs args, CancellationToken cancellationToken);
}
