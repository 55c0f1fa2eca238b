using System.Text.Json.Nodes;
using PciCloud.LocalStack.Demo;

namespace PciCloud.LocalStack.Tests.Demo;

public sealed class AgentViewFormatterTests
{
    [Theory]
    [InlineData("card_number", 7, null, "**** ***")]
    [InlineData("card_number", 16, "visa", "**** **** **** ****")]
    [InlineData("card_number", 15, "amex", "**** ****** *****")]
    [InlineData("expiry", 4, null, "** / **")]
    [InlineData("security_code", 3, null, "***")]
    [InlineData("sort_code", 6, null, "** ** **")]
    [InlineData("sort_code", 3, null, "** *")]
    public void Group_GroupsAsterisksLikeTheCard(string field, int length, string? brand, string expected) =>
        Assert.Equal(expected, AgentViewFormatter.Group(field, new string('*', length), brand));

    [Fact]
    public void Changes_PrintsOnlyWhatChanged_AndBrandWithLastFourOnceComplete()
    {
        var formatter = new AgentViewFormatter();
        var capturing = Session("capturing", new JsonObject { ["state"] = "capturing", ["length"] = 3, ["masked"] = "***" });
        var complete = Session("capturing", new JsonObject
        {
            ["state"] = "complete", ["length"] = 16, ["masked"] = new string('*', 16), ["brand"] = "visa", ["last4"] = "4242",
        });

        var first = formatter.Changes(capturing).ToList();
        var repeat = formatter.Changes(capturing).ToList();
        var done = formatter.Changes(complete).ToList();

        Assert.Equal(2, first.Count);
        Assert.Contains("3 digits", first[1], StringComparison.Ordinal);
        Assert.Empty(repeat);
        Assert.Contains("visa ending 4242", Assert.Single(done), StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_OlderVersion_IsSkipped()
    {
        var formatter = new AgentViewFormatter();
        var newer = Session("capturing", new JsonObject { ["state"] = "capturing", ["length"] = 2, ["masked"] = "**" });
        newer["version"] = 5L;
        var older = Session("created", new JsonObject { ["state"] = "empty", ["length"] = 0, ["masked"] = "" });
        older["version"] = 3L;

        Assert.NotEmpty(formatter.Changes(newer).ToList());
        Assert.Empty(formatter.Changes(older).ToList());
    }

    private static JsonObject Session(string status, JsonObject cardNumber) => new()
    {
        ["status"] = status,
        ["fields"] = new JsonObject { ["card_number"] = cardNumber },
    };
}
