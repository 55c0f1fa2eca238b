using PciCloud.Payments.Banks;

namespace PciCloud.Payments.Tests.Banks;

public sealed class BankChecksTests
{
    [Theory]
    [InlineData("089999", "66374958", true)]  // Vocalink's test case: passes MOD10
    [InlineData("107999", "88837491", true)]  // Vocalink's test case: passes MOD11
    [InlineData("089999", "66374959", false)] // last digit changed
    [InlineData("107999", "88837492", false)]
    [InlineData("200000", "12345678", true)]  // no row covers the sort code: cannot be checked offline
    [InlineData("08999", "66374958", false)]
    [InlineData("089999", "6637495x", false)]
    public void UkModulusCheck_SpecTestCasesAndChangedCheckDigits(string sortCode, string account, bool passes) =>
        Assert.Equal(passes, UkModulusCheck.Passes(sortCode, account));

    [Theory]
    [InlineData("110000000", true)]  // Stripe's test routing number
    [InlineData("021000021", true)]  // a published bank routing number
    [InlineData("011000015", true)]
    [InlineData("110000001", false)]
    [InlineData("000000000", false)]
    [InlineData("11000000", false)]
    [InlineData("11000000a", false)]
    public void AbaRoutingNumber_Checksum(string routing, bool valid) => Assert.Equal(valid, AbaRoutingNumber.IsValid(routing));
}
