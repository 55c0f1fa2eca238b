namespace PciCloud.Media.Dtmf;

/// <summary>
/// The analyzer's verdict on one 102-sample block (blocks overlap by half, one every 51 samples).
/// <see cref="Key"/> is the keypad index 0-15 of a strict (Q.24) hit, or -1.
/// <see cref="ToneLikely"/> is the masker's sensitive test: a row and a column tone dominate, even if the
/// pair is too weak, too far off frequency or too twisted to count as a digit.
/// </summary>
internal readonly record struct DtmfBlock(long Start, int Key, bool ToneLikely)
{
    public long End => Start + DtmfAnalyzer.BlockSamples;
}
