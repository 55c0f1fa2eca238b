using System.Collections.Frozen;
using System.Reflection;
using PciCloud.Payments.Cards;

namespace PciCloud.Region.AgentAssist;

/// <summary>
/// Every code and event name the server can send the Agent Assist page, taken from the classes that
/// define them. agent.js handles exactly these (a test reads it and compares): a code the server
/// cannot send is dead text, and one the page misses falls through to a generic message.
/// </summary>
public static class AgentAssistVocabulary
{
    /// <summary>The event the session's event stream sends on every change (data = the session).</summary>
    public const string SessionEvent = "session";

    /// <summary>A field's <c>error</c>.</summary>
    public static FrozenSet<string> FieldErrors { get; } = ConstantsOf(typeof(CardErrorCodes));

    /// <summary>A declined result's <c>declineCode</c>: every gateway's codes are normalized onto these.</summary>
    public static FrozenSet<string> DeclineCodes { get; } = ConstantsOf(typeof(Payments.Gateways.DeclineCodes));

    private static FrozenSet<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToFrozenSet(StringComparer.Ordinal);
}
