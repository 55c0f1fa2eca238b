using System.Text.RegularExpressions;

namespace PciCloud.Architecture.Tests;

/// <summary>Declarations that promise behaviour must be used: an attribute nobody applies does nothing.</summary>
public sealed partial class DeadCodeTests
{
    private static readonly string Src = Path.Combine(RepositoryRoot.Find(), "src");

    [Fact]
    public void EveryAttributeDeclaredInSrc_IsAppliedInSrc()
    {
        var sources = Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllText);
        var declared = sources.Values.SelectMany(text => AttributeDeclaration().Matches(text).Select(m => m.Groups[1].Value)).ToList();

        var unused = declared.Where(name => !sources.Values.Any(text => Regex.IsMatch(text, $@"[\[,]\s*{name}(Attribute)?\s*[\](,]"))).ToList();

        Assert.Empty(unused);
    }

    [GeneratedRegex(@"class\s+(\w+)Attribute\b[^{;]*:\s*\w*Attribute\b")]
    private static partial Regex AttributeDeclaration();
}
