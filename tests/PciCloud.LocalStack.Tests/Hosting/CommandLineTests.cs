using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_NoArguments_ServesOnTheDocumentedPorts()
    {
        var command = CommandLine.Parse([]);

        Assert.Equal("serve", command.Command);
        Assert.Equal(8080, command.Stack.EdgePort);
        Assert.Equal([8081, 8082, 8083], StackOptions.RegionNames.Select(r => command.Stack.RegionPorts[r]));
        Assert.Null(command.Stack.Redis);
    }

    [Fact]
    public void Parse_DemoFastCard_SetsTheDemo()
    {
        var command = CommandLine.Parse(["demo", "--fast", "--card", "4000000000009995", "--output", "/tmp/x"]);

        Assert.Equal("demo", command.Command);
        Assert.True(command.Demo.Fast);
        Assert.Equal("4000000000009995", command.Demo.CardNumber);
        Assert.Equal("/tmp/x", command.Demo.OutputDirectory);
        Assert.False(command.Demo.ExitAfter); // by default the stack outlives the demo: its link must work
        Assert.True(CommandLine.Parse(["demo", "--exit"]).Demo.ExitAfter);
    }

    [Fact]
    public void Parse_DemoBank_AUkDirectDebitWithTheSandboxTestAccount()
    {
        var command = CommandLine.Parse(["demo", "--bank"]);

        Assert.True(command.Demo.Bank);
        Assert.Equal("uk", command.Demo.Region);
        Assert.Equal(("089999", "66374958"), (command.Demo.SortCode, command.Demo.AccountNumber));
    }

    [Fact]
    public void Parse_PortOffset_ShiftsEveryPort()
    {
        var plain = new StackOptions();
        var shifted = CommandLine.Parse(["--port-offset", "1000"]).Stack;

        Assert.Equal(
            plain.TcpPorts().Select(p => p.Port + 1000),
            shifted.TcpPorts().Select(p => p.Port));
        Assert.Equal(42000 + 1000, shifted.RtpPortStarts["au"]);
    }

    [Fact]
    public void Parse_RegionPortAndRedis_OverrideOnlyThat()
    {
        var stack = CommandLine.Parse(["--uk-port", "9082", "--redis", "127.0.0.1:6390"]).Stack;

        Assert.Equal(9082, stack.RegionPorts["uk"]);
        Assert.Equal(8081, stack.RegionPorts["us"]);
        Assert.Equal("127.0.0.1:6390", stack.Redis);
    }

    [Theory]
    [InlineData("--card", "42x2")]
    [InlineData("--edge-port", "70000")]
    [InlineData("--port-offset", "-5")]
    [InlineData("--bogus", "1")]
    public void Parse_BadArgument_SaysWhichOne(string name, string value)
    {
        var error = Assert.Throws<FormatException>(() => CommandLine.Parse([name, value]));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
