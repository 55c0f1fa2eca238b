namespace PciCloud.Media.Dtmf;

/// <summary>
/// Level convention shared with spandsp and the G.711 tables: 0 dBm0 is a sine of peak 22826
/// (32767 x 10^(-3.14/20)); DTMF levels are per tone.
/// </summary>
public static class Dbm0
{
    public const double ZeroDbm0Peak = 22826.36;

    /// <summary>Peak amplitude of a sine at <paramref name="dbm0"/>.</summary>
    public static double ToPeak(double dbm0) => ZeroDbm0Peak * Math.Pow(10, dbm0 / 20);

    /// <summary>Mean power (x^2 per sample) of a sine at <paramref name="dbm0"/>.</summary>
    public static double ToMeanPower(double dbm0)
    {
        var peak = ToPeak(dbm0);
        return peak * peak / 2;
    }
}
