using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Tests.Dtmf;

public sealed class FastTrigTests
{
    [Fact]
    public void Atan2_AllAroundTheCircleAndAtAnyScale_WithinAMicroradianOfLibm()
    {
        var worst = 0.0;
        foreach (var scale in new[] { 1e-20, 1e-3, 1.0, 1e6, 1e15 })
        {
            for (var step = 0; step < 100_000; step++)
            {
                var angle = (-Math.PI) + (2 * Math.PI * step / 100_000);
                var y = (float)(scale * Math.Sin(angle));
                var x = (float)(scale * Math.Cos(angle));
                var error = Math.Abs(FastTrig.Atan2(y, x) - Math.Atan2(y, x));
                worst = Math.Max(worst, Math.Min(error, (2 * Math.PI) - error)); // -pi and pi are the same angle
            }
        }

        Assert.True(worst < 1e-6, $"worst error {worst:E2} rad");
        foreach (var (y, x) in new[] { (0f, 0f), (-0f, 0f), (0f, -0f), (-0f, -0f), (0f, -1f), (-0f, -1f), (0f, 1f), (-0f, 1f) })
        {
            Assert.Equal(MathF.Atan2(y, x), FastTrig.Atan2(y, x)); // signed zeros as libm: +-0 or +-pi
        }

        Assert.Equal(MathF.PI / 2, FastTrig.Atan2(1, 0), 6);
        Assert.Equal(-MathF.PI / 2, FastTrig.Atan2(-1, 0), 6);
    }

    [Fact]
    public void Sin_UpToItsLimit_WithinOneMillionthOfLibm()
    {
        var worst = 0.0;
        for (var step = -100_000; step <= 100_000; step++)
        {
            var x = FastTrig.SinLimit * step / 100_000f;
            worst = Math.Max(worst, Math.Abs(FastTrig.Sin(x) - Math.Sin(x)));
        }

        Assert.True(worst < 1e-6, $"worst error {worst:E2}");
    }
}
