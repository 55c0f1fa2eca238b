namespace PciCloud.Media.TelephoneEvents;

/// <summary>The two moments of one key press carried by RFC 4733 events.</summary>
public enum TelephoneEventUpdateKind
{
    /// <summary>The first packet of a key press arrived: masking can begin.</summary>
    Started,

    /// <summary>The key press is over (end packet seen, superseded, timed out or flushed): report it once.</summary>
    Ended,
}
