namespace PciCloud.Media.TelephoneEvents;

/// <summary>
/// A start or end of one RFC 4733 key press, from <see cref="TelephoneEventTracker"/>. Times are
/// RTP timestamp units. <see cref="ToString"/> never shows the key: it is card data.
/// </summary>
public readonly struct TelephoneEventUpdate
{
    public TelephoneEventUpdate(TelephoneEventUpdateKind kind, char key, uint startTimestamp, int duration, bool endObserved, bool outOfOrder = false)
    {
        Kind = kind;
        Key = key;
        StartTimestamp = startTimestamp;
        Duration = duration;
        EndObserved = endObserved;
        OutOfOrder = outOfOrder;
    }

    public TelephoneEventUpdateKind Kind { get; }

    /// <summary>0-9, *, #, A-D.</summary>
    public char Key { get; }

    /// <summary>The event's RTP timestamp: when the key press began.</summary>
    public uint StartTimestamp { get; }

    /// <summary>Longest duration seen so far (for Ended: the key press's length), in timestamp units.</summary>
    public int Duration { get; }

    /// <summary>For Ended: true when an end (E bit) packet was received, false when the end was inferred.</summary>
    public bool EndObserved { get; }

    /// <summary>
    /// True when this key press was first seen after a later one had started (packets reordered
    /// by more than a key press): order key presses by <see cref="StartTimestamp"/>, not arrival.
    /// </summary>
    public bool OutOfOrder { get; }

    public override string ToString() =>
        $"TelephoneEventUpdate({Kind}, start: {StartTimestamp}, duration: {Duration}, endObserved: {EndObserved}, outOfOrder: {OutOfOrder})";
}
