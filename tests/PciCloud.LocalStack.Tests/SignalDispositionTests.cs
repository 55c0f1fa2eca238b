namespace PciCloud.LocalStack.Tests;

public sealed class SignalDispositionTests
{
    [Theory]
    [InlineData("0000000000001006", true)] // SIGINT, SIGQUIT and SIGPIPE ignored: a background job of a script
    [InlineData("0000000000001000", false)] // only SIGPIPE ignored: what .NET itself sets
    [InlineData("0000000000000000", false)]
    public void IsIgnored_ReadsTheSigIgnMask(string mask, bool sigIntIgnored)
    {
        string[] status = ["Name:\tdotnet", "SigBlk:\t0000000000000002", "SigIgn:\t" + mask, "SigCgt:\t00000003000244f8"];

        Assert.Equal(sigIntIgnored, SignalDisposition.IsIgnored(status, SignalDisposition.SigInt));
    }
}
