namespace PciCloud.Contracts.Calls;

/// <summary>What became of a reported key press.</summary>
[GenerateSerializer, Alias("pcicloud.key-press-outcome.v1")]
public enum KeyPressOutcome
{
    /// <summary>Delivered to the session that is capturing a field.</summary>
    Routed,

    /// <summary>No session was capturing: the digit was discarded.</summary>
    Dropped,

    /// <summary>A session was capturing but could not take it; the session says a digit was lost.</summary>
    Lost,

    /// <summary>This (call, sequence) was reported before: nothing done again.</summary>
    Duplicate,

    /// <summary>Unknown or ended call, or a character that is not a keypad key.</summary>
    Rejected,
}
