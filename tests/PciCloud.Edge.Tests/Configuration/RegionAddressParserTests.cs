using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;

namespace PciCloud.Edge.Tests.Configuration;

public sealed class RegionAddressParserTests
{
    [Fact]
    public void Parse_SingleListAndArray_AllGiveAddresses()
    {
        var section = Section(new()
        {
            ["Edge:Regions:us"] = "http://127.0.0.1:8081",
            ["Edge:Regions:uk"] = "http://127.0.0.1:8082; http://127.0.0.1:9082",
            ["Edge:Regions:au:0"] = "http://127.0.0.1:8083",
            ["Edge:Regions:au:1"] = "https://au-2.example",
        });

        var regions = RegionAddressParser.Parse(section);

        Assert.Single(regions["us"]);
        Assert.Equal(2, regions["uk"].Count);
        Assert.Equal(new Uri("https://au-2.example"), regions["au"][1]);
    }

    [Theory]
    [InlineData("127.0.0.1:8081")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("/relative")]
    public void Parse_NotAnHttpAddress_Throws(string address)
    {
        var section = Section(new() { ["Edge:Regions:us"] = address });

        Assert.Throws<OptionsValidationException>(() => RegionAddressParser.Parse(section));
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Edge:Regions");
}
