namespace PciCloud.Media.TelephoneEvents;

/// <summary>The RFC 4733 section 3.2 DTMF event codes 0-15 and the keys they stand for.</summary>
public static class DtmfEvents
{
    /// <summary>The 16 keys, indexed by event code: 0-9, *, #, A-D.</summary>
    public const string Keys = "0123456789*#ABCD";

    /// <summary>The highest DTMF event code (D).</summary>
    public const byte MaxCode = 15;

    public static bool IsDtmf(byte eventCode) => eventCode <= MaxCode;

    /// <summary>The key for a DTMF event code; false for other events (flash, fax tones, ...).</summary>
    public static bool TryGetKey(byte eventCode, out char key)
    {
        if (eventCode <= MaxCode)
        {
            key = Keys[eventCode];
            return true;
        }

        key = '\0';
        return false;
    }

    /// <summary>The event code for a key (0-9, *, #, A-D; a-d accepted too).</summary>
    public static bool TryGetCode(char key, out byte eventCode)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(key), StringComparison.Ordinal);
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }
}
