using System.Text;
using System.Text.RegularExpressions;
using PciCloud.Region.AgentAssist;

namespace PciCloud.Region.Tests.AgentAssist;

/// <summary>
/// The page and the server speak one vocabulary: agent.js (as embedded in the region, the bytes the
/// page runs) handles every field error, decline code and event the server can send, and nothing else.
/// </summary>
public sealed partial class AgentJsVocabularyTests
{
    private static readonly string Script = ReadEmbeddedScript();

    [Fact]
    public void FieldErrors_AreExactlyTheCodesTheServerSends()
    {
        Assert.Equal(Sorted(AgentAssistVocabulary.FieldErrors), Sorted(KeysOf("FIELD_ERRORS")));
    }

    [Fact]
    public void DeclineMessages_AreExactlyTheCodesTheServerSends()
    {
        Assert.Equal(Sorted(AgentAssistVocabulary.DeclineCodes), Sorted(KeysOf("DECLINES")));
    }

    [Fact]
    public void EventStream_ListensForTheEventTheServerSends_AndNoOther()
    {
        Assert.Equal($"var SESSION_EVENT = \"{AgentAssistVocabulary.SessionEvent}\";", SessionEventDeclaration().Match(Script).Value);
        Assert.Equal(["SESSION_EVENT"], [.. ListenedEvents().Matches(Script).Select(m => m.Groups[1].Value)]);
        Assert.DoesNotContain("onmessage", Script, StringComparison.Ordinal); // unnamed events: the server sends none
    }

    [Fact]
    public void CardTypeNotAccepted_TellsTheAgentToAskForAnotherCard()
    {
        Assert.Contains("card_type_not_accepted: \"This card type is not accepted. Ask for another card.\"", Script, StringComparison.Ordinal);
    }

    [Fact]
    public void DigitsLost_IsShownAsResetAndAskAgain()
    {
        Assert.Contains("s.digitsLost > 0", Script, StringComparison.Ordinal);
        Assert.Contains("\"A key press may have been missed: reset and ask again.\"", Script, StringComparison.Ordinal);
    }

    private static string[] Sorted(IEnumerable<string> codes) => [.. codes.Order(StringComparer.Ordinal)];

    private static IEnumerable<string> KeysOf(string map)
    {
        var start = Script.IndexOf($"var {map} = {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"agent.js has no {map} map");
        var end = Script.IndexOf("};", start, StringComparison.Ordinal);
        return MapKey().Matches(Script[start..end]).Select(m => m.Groups[1].Value);
    }

    private static string ReadEmbeddedScript()
    {
        using var stream = typeof(AgentAssistVocabulary).Assembly.GetManifestResourceStream("PciCloud.Region.AgentAssist.agent.js")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^\s+([a-z0-9_]+):", RegexOptions.Multiline)]
    private static partial Regex MapKey();

    [GeneratedRegex(@"var SESSION_EVENT = ""[^""]*"";")]
    private static partial Regex SessionEventDeclaration();

    [GeneratedRegex(@"addEventListener\(\s*([^,\s]+)\s*,\s*onData")]
    private static partial Regex ListenedEvents();
}
