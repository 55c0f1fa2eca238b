using System.Globalization;

namespace PciCloud.LoadTests.Runner;

/// <summary><c>--key value</c> options after the scenario name; <c>--seconds</c> is the length of each measured step.</summary>
public sealed class ScenarioArgs
{
    private readonly Dictionary<string, string> _values;

    private ScenarioArgs(Dictionary<string, string> values) => _values = values;

    public static ScenarioArgs Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'.");
            }
            values[args[i][2..]] = args[++i];
        }
        return new ScenarioArgs(values);
    }

    public TimeSpan StepDuration => TimeSpan.FromSeconds(Number("seconds", 20));

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public double Number(string name, double fallback) =>
        _values.TryGetValue(name, out var raw)
            ? double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;
}
