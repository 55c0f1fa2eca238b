namespace PciCloud.LoadTests.Runner;

/// <summary>Picks the scenario named by the first argument and runs it until done or Ctrl+C.</summary>
public static class ScenarioRunner
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<IScenario> scenarios)
    {
        var scenario = args.Length > 0
            ? scenarios.FirstOrDefault(s => string.Equals(s.Name, args[0], StringComparison.OrdinalIgnoreCase))
            : null;
        if (scenario is null)
        {
            Console.Error.WriteLine("usage: PciCloud.LoadTests <scenario> [--seconds N] [--name value ...]");
            foreach (var s in scenarios.Where(s => !s.Hidden))
            {
                Console.Error.WriteLine($"  {s.Name,-12} {s.Description}");
            }
            return 2;
        }

        ScenarioArgs options;
        try
        {
            options = ScenarioArgs.Parse(args[1..]);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await scenario.RunAsync(options, cancel.Token);
    }
}
