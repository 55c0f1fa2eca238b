using System.Runtime.Intrinsics;

namespace PciCloud.Media.Dtmf;

/// <summary>
/// The analyzer's verdict on one 102-sample block (blocks overlap by half, one every 51 samples).
/// <see cref="Key"/> is the keypad index 0-15 of a strict (Q.24) hit, or -1. <see cref="SoftKey"/> is the
/// index of a pair that passes every strict test except the energy fraction (at least 60 % instead of 82 %),
/// or -1. <see cref="LikelyKey"/> is the index of the pair that passed the masker's sensitive test (a row and
/// a column tone dominate, even if too weak, too far off frequency or too twisted to count as a digit), or -1.
/// <see cref="Powers"/> holds the block's raw |X|^2 at the eight keypad frequencies.
/// </summary>
internal readonly record struct DtmfBlock(long Start, int Key, int SoftKey, int LikelyKey, PairMeasure Pair, Vector256<float> Powers)
{
    public long End => Start + DtmfAnalyzer.BlockSamples;
}
