using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Tests.Hosting;

/// <summary>The smoke command: a payment against a deployment, addressed by URL, the key never an argument.</summary>
public sealed class SmokeCommandLineTests
{
    [Fact]
    public void Parse_SmokeWithBaseUrlAndAgentHost_TargetsTheDeployment()
    {
        var command = CommandLine.Parse(["smoke", "--base-url", "https://uk.api.example.com", "--agent-host", "203.0.113.9", "--fast"]);

        Assert.Equal("smoke", command.Command);
        Assert.Equal(new Uri("https://uk.api.example.com"), command.BaseUrl);
        Assert.Equal("203.0.113.9", command.Demo.AgentHost);
        Assert.True(command.Demo.Fast);
    }

    [Fact]
    public void Parse_DemoLeavesTheAgentOnLoopback()
    {
        var command = CommandLine.Parse(["demo"]);

        Assert.Equal("127.0.0.1", command.Demo.AgentHost);
        Assert.Null(command.BaseUrl);
    }

    [Theory]
    [InlineData(new[] { "smoke" }, "--base-url")]
    [InlineData(new[] { "smoke", "--base-url", "uk.api.example.com" }, "--base-url")]
    [InlineData(new[] { "smoke", "--base-url", "ftp://uk.api.example.com" }, "--base-url")]
    [InlineData(new[] { "smoke", "--base-url", "https://uk.api.example.com/?token=x" }, "--base-url")]
    [InlineData(new[] { "smoke", "--base-url", "https://uk.api.example.com", "--agent-host", "agent.example.com" }, "--agent-host")]
    [InlineData(new[] { "smoke", "--base-url", "https://uk.api.example.com", "--key", "sk_x_y" }, "--key")]
    public void Parse_MalformedSmoke_IsAUsageErrorNamingTheArgument(string[] args, string named)
    {
        var error = Assert.Throws<FormatException>(() => CommandLine.Parse(args));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
