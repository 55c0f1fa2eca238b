using System.Runtime.Intrinsics;
using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Masking;

/// <summary>
/// Decides which samples the masker masks, using the look-ahead to wait for evidence before it commits.
/// Evidence is a block that is a strict or soft hit, or in which a pair dominates by the Mask* limits of
/// <see cref="DtmfThresholds"/> (fail closed: also tones too weak, short or off frequency to count).
/// After <see cref="RunToMask"/> consecutive evidence blocks of one key the masker looks back through the
/// recent blocks for the onset: the earliest block, contiguous with the run, in which either tone of that key
/// is within 6 dB of its present level (a block half filled with tone is 6 dB down, so the onset lies inside
/// that block). It masks from one hop before that block (bounded by what the look-ahead still holds), and
/// keeps masking while the blocks are still evidence of that key or a key press is in progress, plus a hang-over.
/// Speech seldom gives three evidence blocks in a row; a 25 ms tone does. Two clean blocks (see
/// <see cref="CleanRunToMask"/>) also suffice, which catches 20 ms bursts.
/// </summary>
internal sealed class ToneRunTracker(int lookback, int hangover)
{
    public const int RunToMask = 3;

    /// <summary>
    /// Two blocks in a row in which a pair holds 75 % of the energy also suffice: a 20 ms tone burst (too
    /// short to be a digit, but audible to a decoder without a duration check) gives two such blocks.
    /// </summary>
    public const int CleanRunToMask = 2;

    /// <summary>Blocks kept for the onset search: 10 hops reach back further than the longest look-ahead.</summary>
    private const int History = 10;
    private const float OnsetPowerRatio = 0.25f;

    private static readonly float MaxTwist = MathF.Pow(10, DtmfThresholds.MaskMaxTwistDb / 10);

    private readonly long[] _historyStart = new long[History];
    private readonly Vector256<float>[] _historyPowers = new Vector256<float>[History];
    private long _blocks;
    private int _runKey = -1;
    private int _run;
    private int _maskKey = -1;
    private int _cleanKey = -1;
    private int _cleanRun;

    /// <summary>Returns true, with the span to mask, when <paramref name="block"/> calls for masking.</summary>
    public bool OnBlock(in DtmfBlock block, bool inKeyPress, out long from, out long to)
    {
        _historyStart[_blocks % History] = block.Start;
        _historyPowers[_blocks++ % History] = block.Powers;
        var evidence = Evidence(block, DtmfThresholds.MaskMinPairFraction);
        if (evidence >= 0 && evidence == _runKey)
        {
            _run++;
        }
        else
        {
            _runKey = evidence;
            _run = evidence >= 0 ? 1 : 0;
        }

        var clean = Evidence(block, DtmfThresholds.MaskCleanPairFraction);
        _cleanRun = clean >= 0 && clean == _cleanKey ? _cleanRun + 1 : (clean >= 0 ? 1 : 0);
        _cleanKey = clean;
        if (_cleanRun >= CleanRunToMask && _run < RunToMask)
        {
            _run = RunToMask;
            _runKey = clean;
        }

        to = block.End + hangover;
        if (_run >= RunToMask)
        {
            _maskKey = _runKey;
            from = Onset(block, _runKey) - lookback;
            return true;
        }

        if ((_maskKey >= 0 && (evidence == _maskKey || clean == _maskKey)) || inKeyPress)
        {
            from = block.Start;
            return true;
        }

        _maskKey = -1;
        from = 0;
        return false;
    }

    /// <summary>Start of the earliest recent block, contiguous with the current one, that still carries either tone.</summary>
    private long Onset(in DtmfBlock current, int key)
    {
        var row = key >> 2;
        var column = 4 + (key & 3);
        var rowFloor = current.Powers.GetElement(row) * OnsetPowerRatio;
        var columnFloor = current.Powers.GetElement(column) * OnsetPowerRatio;
        var onset = current.Start;
        for (var back = 1; back < History && back < _blocks; back++)
        {
            var slot = (int)((_blocks - 1 - back) % History);
            var powers = _historyPowers[slot];
            if (powers.GetElement(row) < rowFloor && powers.GetElement(column) < columnFloor)
            {
                break;
            }

            onset = _historyStart[slot];
        }

        return onset;
    }

    private static int Evidence(in DtmfBlock block, float minFraction)
    {
        if (block.Key >= 0 || (block.SoftKey >= 0 && block.Pair.Fraction >= minFraction))
        {
            return block.LikelyKey;
        }

        var pair = block.Pair;
        var toneLike = block.LikelyKey >= 0
            && pair.Fraction >= minFraction
            && MathF.Abs(pair.RowOffset) <= DtmfThresholds.MaskMaxFrequencyOffset
            && MathF.Abs(pair.ColumnOffset) <= DtmfThresholds.MaskMaxFrequencyOffset
            && pair.RowPower <= pair.ColumnPower * MaxTwist
            && pair.ColumnPower <= pair.RowPower * MaxTwist;
        return toneLike ? block.LikelyKey : -1;
    }
}
