namespace PciCloud.Grains.Calls;

/// <summary>
/// Which of a call's recent key-press sequence numbers are accounted for (delivered, or counted as
/// lost), in constant space: the highest sequence seen and a bit for each of the 63 before it. A
/// worker delivers a call's key presses in order and retries a failed one at once, so a retry older
/// than the window cannot happen; anything that old is treated as already seen. Sequences skipped
/// by a later delivery are the key presses the worker could not deliver.
/// </summary>
[GenerateSerializer, Alias("pcicloud.key-press-window.v1")]
public sealed class KeyPressWindow
{
    private const int Width = 64;

    /// <summary>The most key presses one report can say were lost: a hostile sequence must not inflate the count.</summary>
    public const int MaxGap = Width;

    [Id(0)] public long Highest { get; set; }

    /// <summary>Bit i set: sequence <see cref="Highest"/> - i is accounted for.</summary>
    [Id(1)] public ulong Seen { get; set; }

    /// <summary>
    /// A delivered key press. False when it was seen before (a retry). Otherwise true, with
    /// <paramref name="skipped"/> the sequences it jumped over: key presses that were not delivered.
    /// </summary>
    public bool TryDeliver(long sequence, out int skipped)
    {
        skipped = 0;
        if (IsAccounted(sequence))
        {
            return false;
        }

        if (sequence > Highest)
        {
            var jump = sequence - Highest;
            skipped = (int)Math.Min(jump - 1, MaxGap);
            Advance(jump);
            Seen |= jump >= Width ? ulong.MaxValue : (1UL << (int)jump) - 1; // the skipped ones are accounted as lost
            return true;
        }

        Mark(sequence);
        return true;
    }

    /// <summary>The worker says this key press was lost: true when nobody accounted for it yet.</summary>
    public bool TryMarkLost(long sequence)
    {
        if (IsAccounted(sequence))
        {
            return false;
        }

        if (sequence > Highest)
        {
            Advance(sequence - Highest); // the ones in between may still be on their way: not accounted
            Seen |= 1;
            return true;
        }

        Mark(sequence);
        return true;
    }

    private bool IsAccounted(long sequence) =>
        sequence <= Highest && (Highest - sequence >= Width || (Seen & (1UL << (int)(Highest - sequence))) != 0);

    private void Advance(long by)
    {
        Seen = by >= Width ? 0 : Seen << (int)by;
        Highest += by;
    }

    private void Mark(long sequence) => Seen |= 1UL << (int)(Highest - sequence);
}
