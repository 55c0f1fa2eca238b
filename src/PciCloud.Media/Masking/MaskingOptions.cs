namespace PciCloud.Media.Masking;

/// <summary>Settings of a <see cref="MaskingChannel"/>.</summary>
public sealed record MaskingOptions
{
    /// <summary>The most look-ahead allowed: the whole delay the masker may add (the 60 ms).</summary>
    public const int MaxLookaheadMilliseconds = 60;

    /// <summary>
    /// Audio is held back this long so that a tone's leading edge can be masked after it is recognised.
    /// Default 60 ms (480 samples, three 20 ms frames), the most allowed. On clean lines 40 ms would do: the
    /// sensitive test recognises a tone in the first 102-sample block it fills by about a third, at most 153
    /// samples after its onset, and the masker masks from 102 samples before that block. But a first key press
    /// under speech as loud as the tones is only recognised 30-40 ms into the tone (the speech's pairs are
    /// stronger until then), and at 40 ms 6-12 ms of such onsets reached the output (at 50 ms, 2 ms); at 60 ms
    /// none does. No part of a tone may pass, so the default is 60 ms, not the 40 ms aim.
    /// </summary>
    public int LookaheadMilliseconds { get; init; } = 60;

    /// <summary>Masking continues this long after the last block that still looked like tone.</summary>
    public int HangoverMilliseconds { get; init; } = 10;

    /// <summary>
    /// How long after a key press the masker stays sensitive (default 3 s; 0: only during one). A card number is
    /// keyed digit after digit, so after one key the next is likely: the masker then also masks weak or
    /// speech-covered pairs, which it would not do on ordinary speech.
    /// </summary>
    public int SensitiveAfterKeyPressMilliseconds { get; init; } = 3000;

    public MaskingSound Sound { get; init; } = MaskingSound.Tone;

    /// <summary>Level of the masking tone (or the comfort noise's RMS), in dBm0.</summary>
    public double SoundLevelDbm0 { get; init; } = -20;

    /// <summary>The largest <see cref="MaxFrameSamples"/> allowed (1 s).</summary>
    public const int MaxFrameLimit = 8000;

    /// <summary>The longest frame accepted by ProcessFrame, in samples (default 60 ms).</summary>
    public int MaxFrameSamples { get; init; } = 480;

    internal void Validate()
    {
        if (LookaheadMilliseconds is < 0 or > MaxLookaheadMilliseconds)
        {
            throw new ArgumentOutOfRangeException(nameof(LookaheadMilliseconds), LookaheadMilliseconds, $"Look-ahead must be 0 to {MaxLookaheadMilliseconds} ms.");
        }

        if (HangoverMilliseconds is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(HangoverMilliseconds), HangoverMilliseconds, "Hang-over must be 0 to 100 ms.");
        }

        if (SensitiveAfterKeyPressMilliseconds is < 0 or > 60_000)
        {
            throw new ArgumentOutOfRangeException(nameof(SensitiveAfterKeyPressMilliseconds), SensitiveAfterKeyPressMilliseconds, "Sensitive time after a key press must be 0 to 60 000 ms.");
        }

        if (SoundLevelDbm0 is < -90 or > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SoundLevelDbm0), SoundLevelDbm0, "Masking level must be -90 to 0 dBm0.");
        }

        if (MaxFrameSamples is < 1 or > MaxFrameLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFrameSamples), MaxFrameSamples, $"Frames must be 1 to {MaxFrameLimit} samples.");
        }

        if (!Enum.IsDefined(Sound))
        {
            throw new ArgumentOutOfRangeException(nameof(Sound), Sound, "Unknown masking sound.");
        }
    }
}
