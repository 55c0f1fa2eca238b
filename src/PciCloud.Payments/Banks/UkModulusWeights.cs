namespace PciCloud.Payments.Banks;

/// <summary>
/// Weight rows in the layout of Vocalink's valacdos.txt (sort code range, method, 14 weights for
/// u v w x y z a b c d e f g h). NOT the full table: the published table (some 1 000 rows, revised
/// several times a year) could not be obtained where this was built, so these are the rows of the
/// specification's own worked test cases (docs/BANK-PAYMENTS.md), each verified by hand against
/// its published valid account number. Replace with the current valacdos.txt for production.
/// </summary>
public static class UkModulusWeights
{
    public const string Mod10 = "MOD10";
    public const string Mod11 = "MOD11";
    public const string Dblal = "DBLAL";

    public static IReadOnlyList<Row> Rows { get; } =
    [
        new(89999, 89999, Mod10, [0, 0, 0, 0, 0, 0, 7, 1, 3, 7, 1, 3, 7, 1]),
        new(107999, 107999, Mod11, [0, 0, 0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1]),
    ];

    public sealed record Row(int From, int To, string Method, int[] Weights);
}
