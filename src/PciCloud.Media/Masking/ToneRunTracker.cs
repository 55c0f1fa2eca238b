using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Masking;

/// <summary>
/// Decides which samples the masker masks, using the look-ahead to wait for evidence before it commits (see
/// <see cref="ToneEvidence"/>). After <see cref="RunToMask"/> consecutive evidence blocks of one key, or
/// <see cref="CleanRunToMask"/> clean ones (a 20 ms burst gives two), the masker looks back through the recent
/// blocks for the onset: the earliest block, contiguous with the run, in which either tone of that key is within
/// 6 dB of its present level (a block half filled with tone is 6 dB down, so the onset lies inside it). It masks
/// from one hop before that block (bounded by what the look-ahead still holds), and keeps masking while the
/// blocks are still evidence of that key or a key press is in progress, plus a hang-over. A run whose two
/// frequencies glide together (a voice's harmonics following its pitch) does not start masking.
/// While key presses are being entered (during one and for a while after it: a card number is keyed digit after
/// digit) the masker is sensitive, failing closed where speech over the keys hides them: any pair that passed the
/// analyzer's sensitive test is evidence, two such blocks are enough, the onset search accepts 10 dB and bridges
/// one block, and masking continues while either tone stays within 10 dB of its level.
/// </summary>
internal sealed class ToneRunTracker(int lookback, int hangover, int sensitiveWindow)
{
    public const int RunToMask = 3;

    public const int CleanRunToMask = 2;

    public const int SensitiveRunToMask = 2;

    /// <summary>Blocks kept for the onset search: 10 hops reach back further than the longest look-ahead.</summary>
    private const int History = 10;
    private const float OnsetPowerRatio = 0.25f;
    private const float SensitivePowerRatio = 0.1f;

    /// <summary>
    /// Voiced speech imitates a pair with two harmonics of one pitch, and a pitch glide moves both the same way
    /// (a key tone's frequencies stay put): over two hops, both offsets moving 0.6 % or more in one direction.
    /// </summary>
    private const float GlideOffset = 0.006f;

    // Only what the onset search and the glide test read: per-stream state stays small (thousands of streams
    // take turns on one core). Blocks are one hop apart, so a block's start follows from the latest one's.
    private PowerHistory _powers;
    private PairMeasure _pair1;
    private PairMeasure _pair2;
    private int _likely1 = -1;
    private int _likely2 = -1;
    private int _key1 = -1;
    private long _blocks;
    private long _lastKeyPress = long.MinValue / 2; // no key press yet (and no overflow in the subtraction)
    private int _runKey = -1;
    private int _run;
    private int _maskKey = -1;
    private int _cleanKey = -1;
    private int _cleanRun;
    private Vector256<float> _reference; // the loudest power since masking began, per frequency (the key's two lanes count)

    /// <summary>Returns true, with the span to mask, when <paramref name="block"/> calls for masking.</summary>
    public bool OnBlock(in DtmfBlock block, bool inKeyPress, out long from, out long to)
    {
        var mask = Decide(block, inKeyPress, out from, out to);
        (_pair2, _likely2) = (_pair1, _likely1);
        (_pair1, _likely1, _key1) = (block.Pair, block.LikelyKey, block.Key);
        return mask;
    }

    private bool Decide(in DtmfBlock block, bool inKeyPress, out long from, out long to)
    {
        _powers[(int)(_blocks++ % History)] = block.Powers;
        if (inKeyPress)
        {
            _lastKeyPress = block.Start;
        }

        var sensitive = HoldSensitive || block.Start - _lastKeyPress <= sensitiveWindow;
        var evidence = ToneEvidence.Ordinary(block);
        if (evidence < 0 && sensitive)
        {
            evidence = ToneEvidence.Sensitive(block);
        }

        _run = evidence >= 0 && evidence == _runKey ? _run + 1 : (evidence >= 0 ? 1 : 0);
        _runKey = evidence;
        var clean = ToneEvidence.Clean(block);
        _cleanRun = clean >= 0 && clean == _cleanKey ? _cleanRun + 1 : (clean >= 0 ? 1 : 0);
        _cleanKey = clean;
        if (_cleanRun >= CleanRunToMask && _run < RunToMask)
        {
            (_run, _runKey) = (RunToMask, clean);
        }

        if (sensitive && _run >= SensitiveRunToMask)
        {
            _run = Math.Max(_run, RunToMask);
        }

        to = block.End + hangover;
        if (_run >= RunToMask && (sensitive || _runKey == _maskKey || !Glides(block)))
        {
            Track(block, _runKey);
            from = Onset(block, _runKey, sensitive) - lookback;
            return true;
        }

        if ((_maskKey >= 0 && (evidence == _maskKey || clean == _maskKey)) || inKeyPress
            || (_maskKey >= 0 && sensitive && Carries(block.Powers, KeyFloors(_maskKey, _reference * SensitivePowerRatio))))
        {
            from = block.Start;
            return true;
        }

        _maskKey = -1;
        from = 0;
        return false;
    }

    /// <summary>Sensitive for as long as this is set (a payment session is capturing a field), whatever the key presses.</summary>
    public bool HoldSensitive { get; set; }

    /// <summary>A key press signalled out of band at <paramref name="position"/>: be sensitive from there on.</summary>
    public void KeyPressSignalled(long position) => _lastKeyPress = Math.Max(_lastKeyPress, position);

    /// <summary>Keeps the loudest level of each tone of the key being masked since masking began.</summary>
    private void Track(in DtmfBlock block, int key)
    {
        _reference = key == _maskKey ? Vector256.Max(_reference, block.Powers) : block.Powers;
        _maskKey = key;
    }

    /// <summary>Start of the earliest recent block, contiguous with the current one, that still carries either tone.</summary>
    private long Onset(in DtmfBlock current, int key, bool sensitive)
    {
        var floors = KeyFloors(key, current.Powers * (sensitive ? SensitivePowerRatio : OnsetPowerRatio));
        var bridge = sensitive ? 1 : 0;
        var onset = current.Start;
        var slot = (int)((_blocks - 1) % History);
        for (var back = 1; back < History && back < _blocks; back++)
        {
            slot = slot == 0 ? History - 1 : slot - 1;
            if (!Carries(_powers[slot], floors))
            {
                if (--bridge < 0)
                {
                    break;
                }

                continue;
            }

            bridge = sensitive ? 1 : 0;
            onset = current.Start - (back * DtmfAnalyzer.HalfSamples);
        }

        return onset;
    }

    /// <summary>
    /// Whether the pair's frequencies moved together since two hops ago, as a voice's harmonics do. Two strict
    /// hits in a row never glide: a short burst's first, partly filled block measures its offsets badly.
    /// </summary>
    private bool Glides(in DtmfBlock block)
    {
        if (_blocks < 3 || _likely2 != block.LikelyKey || (block.Key >= 0 && _key1 == block.Key))
        {
            return false;
        }

        var rowMove = block.Pair.RowOffset - _pair2.RowOffset;
        var columnMove = block.Pair.ColumnOffset - _pair2.ColumnOffset;
        return rowMove * columnMove > 0 && MathF.Min(MathF.Abs(rowMove), MathF.Abs(columnMove)) >= GlideOffset;
    }

    /// <summary>Whether either tone of a key reaches its floor (see <see cref="KeyFloors"/>).</summary>
    private static bool Carries(Vector256<float> powers, Vector256<float> floors) => Vector256.GreaterThanOrEqualAny(powers, floors);

    /// <summary>
    /// <paramref name="levels"/> in the lanes of <paramref name="key"/>'s row and column tones, +infinity in the
    /// others: a block carries the key's tones when any of its powers reaches these floors.
    /// </summary>
    private static Vector256<float> KeyFloors(int key, Vector256<float> levels)
    {
        var lanes = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        var keyLanes = Vector256.Equals(lanes, Vector256.Create(key >> 2)) | Vector256.Equals(lanes, Vector256.Create(4 + (key & 3)));
        return Vector256.ConditionalSelect(keyLanes.AsSingle(), levels, Vector256.Create(float.PositiveInfinity));
    }

    /// <summary>The last <see cref="History"/> blocks' powers, inline in the tracker (no separate array to fetch).</summary>
    [InlineArray(History)]
    private struct PowerHistory
    {
        private Vector256<float> _element;
    }
}
