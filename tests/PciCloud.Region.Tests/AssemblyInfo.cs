using PciCloud.Region.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(SharedRegion))]
