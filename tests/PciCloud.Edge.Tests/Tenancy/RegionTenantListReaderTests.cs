using System.Text.Json;
using PciCloud.Edge.Tenancy;

namespace PciCloud.Edge.Tests.Tenancy;

public sealed class RegionTenantListReaderTests
{
    [Theory]
    [InlineData("""[{"id":"a","region":"uk"},{"id":"b"}]""")]
    [InlineData("""{"data":[{"id":"a","region":"uk","name":"A"},{"id":"b"}],"nextCursor":null}""")]
    public void Read_ArrayOrDataEnvelope_ReturnsTheIds(string json)
    {
        using var doc = JsonDocument.Parse(json);

        var ids = RegionTenantListReader.Read(doc.RootElement, "uk", out var skipped);

        Assert.Equal(["a", "b"], ids);
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void Read_EntriesOfAnotherRegionOrInvalid_AreSkipped()
    {
        using var doc = JsonDocument.Parse("""[{"id":"a","region":"us"},{"id":"Bad Id"},{"name":"x"},42,{"id":7},{"id":"ok","region":"uk"}]""");

        var ids = RegionTenantListReader.Read(doc.RootElement, "uk", out var skipped);

        Assert.Equal(["ok"], ids);
        Assert.Equal(5, skipped);
    }

    [Theory]
    [InlineData("""{"items":[]}""")]
    [InlineData("\"text\"")]
    [InlineData("""{"data":{}}""")]
    public void Read_UnexpectedShape_Throws(string json)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.Throws<FormatException>(() => RegionTenantListReader.Read(doc.RootElement, "uk", out _));
    }
}
