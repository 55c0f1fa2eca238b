using System.Globalization;

namespace PciCloud.Media.Cli;

/// <summary>Positional arguments plus <c>--name value</c> options from a fixed list.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options;

    private CliArguments(List<string> positional, Dictionary<string, string> options)
    {
        Positional = positional;
        _options = options;
    }

    public IReadOnlyList<string> Positional { get; }

    public static CliArguments Parse(string[] args, string[] allowedOptions)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!allowedOptions.Contains(args[i]))
                {
                    throw new UsageException($"unknown option '{args[i]}'");
                }

                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"option '{args[i]}' needs a value");
                }

                options[args[i]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return new CliArguments(positional, options);
    }

    /// <summary>The option's value, or null when it was not given.</summary>
    public string? GetOptional(string name) => _options.TryGetValue(name, out var value) ? value : null;

    /// <summary>Exactly <paramref name="count"/> positional arguments, or a usage error naming them.</summary>
    public void RequirePositional(int count, string names)
    {
        if (Positional.Count != count)
        {
            throw new UsageException($"expected {names}");
        }
    }

    public double GetDouble(string name, double defaultValue, double min, double max)
    {
        if (!_options.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{name} must be a number from {min} to {max}");
        }

        return value;
    }

    public long GetLong(string name, long defaultValue, long min, long max)
    {
        if (!_options.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{name} must be an integer from {min} to {max}");
        }

        return value;
    }

    public string GetString(string name, string defaultValue, params string[] allowed)
    {
        if (!_options.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        return allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new UsageException($"{name} must be one of {string.Join(", ", allowed)}");
    }
}
