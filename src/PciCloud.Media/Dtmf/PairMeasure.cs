namespace PciCloud.Media.Dtmf;

/// <summary>
/// The row and column tones of a block's best pair: relative frequency offsets (0.01 = +1 %) and full-block
/// powers corrected for those offsets, and the share of the block's energy the pair holds.
/// </summary>
internal readonly record struct PairMeasure(float RowOffset, float ColumnOffset, float RowPower, float ColumnPower, float Fraction);
