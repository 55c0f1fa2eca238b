namespace PciCloud.Media.TelephoneEvents;

/// <summary>Why <see cref="TelephoneEvent.TryParse"/> rejected a payload (RFC 4733 section 2.3).</summary>
public enum TelephoneEventParseError
{
    /// <summary>The payload was accepted.</summary>
    None = 0,

    /// <summary>Shorter than one 4-byte event block.</summary>
    TooShort,

    /// <summary>Not a whole number of 4-byte event blocks.</summary>
    BadLength,
}
