using PciCloud.Edge.Transforms;

namespace PciCloud.Edge.Tests.Routing;

public sealed class ClientHeaderStripTransformProviderTests
{
    [Theory]
    [InlineData("X-Forwarded-Host", false, true)]
    [InlineData("x-forwarded-for", false, true)]
    [InlineData("X-Tenant", false, true)]
    [InlineData("X-Tenant-Id", false, true)]
    [InlineData("Forwarded", false, true)]
    [InlineData("X-Real-IP", false, true)]
    [InlineData("PciCloud-Region", false, true)]
    [InlineData("PciCloud-Region", true, false)]
    [InlineData("Idempotency-Key", false, false)]
    [InlineData("traceparent", false, false)]
    [InlineData("Authorization", false, false)]
    public void ShouldStrip_ClientControlledRoutingHeaders(string name, bool adminRoute, bool expected)
    {
        Assert.Equal(expected, ClientHeaderStripTransformProvider.ShouldStrip(name, adminRoute));
    }
}
