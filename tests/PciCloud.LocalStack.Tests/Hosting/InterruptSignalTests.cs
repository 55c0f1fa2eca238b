using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Tests.Hosting;

public sealed class InterruptSignalTests
{
    [Theory]
    [InlineData("0000000000001006", true)] // SIGINT, SIGQUIT and SIGPIPE ignored: a background job of a script
    [InlineData("0000000000000002", true)]
    [InlineData("0000000000001000", false)] // only SIGPIPE ignored: what .NET itself sets
    [InlineData("0000000000000000", false)]
    [InlineData("not-hex", false)]
    public void IsIgnored_ReadsTheSigIgnMask(string mask, bool sigIntIgnored)
    {
        string[] status = ["Name:\tdotnet", "SigBlk:\t0000000000000002", "SigIgn:\t" + mask, "SigCgt:\t00000003000244f8"];

        Assert.Equal(sigIntIgnored, InterruptSignal.IsIgnored(status));
    }

    [Fact]
    public void IsIgnored_NoSigIgnLine_False() => Assert.False(InterruptSignal.IsIgnored(["Name:\tdotnet"]));

    [Fact]
    public void Banner_CtrlCIgnored_SaysHowToStop()
    {
        var options = new StackOptions();

        var usual = Banner.For(options, TimeSpan.FromSeconds(4), ctrlCIgnoredByProcess: null);
        var ignored = Banner.For(options, TimeSpan.FromSeconds(4), ctrlCIgnoredByProcess: 4242);

        Assert.Contains("  stop                Ctrl+C" + Environment.NewLine, usual, StringComparison.Ordinal);
        Assert.Contains("  stop                kill 4242   (SIGTERM; Ctrl+C is ignored: started as a background job)", ignored, StringComparison.Ordinal);
        Assert.EndsWith(Banner.ReadyLine, ignored, StringComparison.Ordinal);
    }
}
