using PciCloud.Grains;

namespace PciCloud.Region.Tests.Grains;

public sealed class IdsTests
{
    [Fact]
    public void Derive_SameSeedSameId_OtherSeedOrPrefixOtherId()
    {
        var id = Ids.Derive("re", "tenant-a|pay_1|key-1");
        Assert.Equal(id, Ids.Derive("re", "tenant-a|pay_1|key-1"));
        Assert.NotEqual(id, Ids.Derive("re", "tenant-b|pay_1|key-1"));
        Assert.NotEqual(id[3..], Ids.Derive("pay", "tenant-a|pay_1|key-1")[4..]);
        Assert.Matches("^re_[a-z2-7]{24}$", id);
        Assert.Matches("^pay_[a-z2-7]{24}$", Ids.New("pay"));
        Assert.NotEqual(Ids.New("pay"), Ids.New("pay"));
    }
}
