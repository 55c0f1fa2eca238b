namespace PciCloud.Media.Dtmf;

/// <summary>The ITU-T Q.23 keypad: four row (low-group) and four column (high-group) frequencies.</summary>
public static class DtmfKeypad
{
    public const int SampleRate = 8000;

    /// <summary>Low group first (indexes 0-3), then the high group (indexes 4-7).</summary>
    public static ReadOnlySpan<float> Frequencies => [697f, 770f, 852f, 941f, 1209f, 1336f, 1477f, 1633f];

    private const string Keys = "123A456B789C*0#D";

    /// <summary>The key at <paramref name="row"/> (0-3) and <paramref name="column"/> (0-3).</summary>
    public static char KeyAt(int row, int column) => Keys[(row * 4) + column];

    /// <summary>Finds the row and column of <paramref name="key"/> (0-9, *, #, A-D, case-insensitive).</summary>
    public static bool TryGetPosition(char key, out int row, out int column)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(key), StringComparison.Ordinal);
        row = index >> 2;
        column = index & 3;
        return index >= 0;
    }

    /// <summary>True for the 16 DTMF keys.</summary>
    public static bool IsKey(char key) => TryGetPosition(key, out _, out _);
}
