using System.Text;
using PciCloud.Signalling.Bencode;

namespace PciCloud.Signalling.Tests.Bencode;

public sealed class BencodeReaderTests
{
    private static object? Read(string text)
    {
        Assert.True(BencodeReader.TryRead(Encoding.UTF8.GetBytes(text), out var value, out var error), error);
        return value;
    }

    private static string Refused(byte[] input)
    {
        Assert.False(BencodeReader.TryRead(input, out var value, out var error));
        Assert.Null(value);
        return error!;
    }

    private static string Refused(string text) => Refused(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void TryRead_KamailioOffer_ReadsKeysInTheOrderSent()
    {
        // As captured from Kamailio 5.6's rtpengine module for rtpengine_offer("pcicloud-tenant=ten_abc trust-address replace-origin").
        var d = (BencodeDictionary)Read("d8:supportsl10:load limite3:sdp4:v=0\n15:pcicloud-tenant7:ten_abc5:flagsl13:trust-addresse"
            + "7:replacel6:origine7:call-id5:c1@h113:received-froml3:IP49:127.0.0.1e8:from-tag2:ft7:command5:offere")!;

        Assert.Equal("ten_abc", d.GetString("pcicloud-tenant"));
        Assert.Equal(["trust-address"], d.GetStringList("flags"));
        Assert.Equal(["IP4", "127.0.0.1"], d.GetStringList("received-from"));
        Assert.Equal("offer", d.GetString("command"));
        Assert.Equal("supports", d.Entries.First().Key);
    }

    [Fact]
    public void TryRead_NestedListsAndBinaryStrings_KeepsEveryByte()
    {
        var input = new byte[] { (byte)'l', (byte)'l', (byte)'3', (byte)':', 0, 0xff, (byte)' ', (byte)'e', (byte)'i', (byte)'-', (byte)'7', (byte)'e', (byte)'e' };

        Assert.True(BencodeReader.TryRead(input, out var value, out _));

        var outer = (IReadOnlyList<object>)value!;
        Assert.Equal(new byte[] { 0, 0xff, (byte)' ' }, ((IReadOnlyList<object>)outer[0])[0]);
        Assert.Equal(-7L, outer[1]);
    }

    [Fact]
    public void TryRead_DuplicateKey_LaterValueWins() =>
        Assert.Equal("b", ((BencodeDictionary)Read("d1:k1:a1:k1:be")!).GetString("k"));

    [Theory]
    [InlineData("5:abc", "exceeds")]
    [InlineData("99999999999999999999:x", "invalid number")]
    [InlineData("d7:command4:ping", "truncated")]
    [InlineData("d7:command4:pin", "exceeds")]
    [InlineData("l", "truncated")]
    [InlineData("i12", "truncated")]
    [InlineData("i-0e", "invalid number")]
    [InlineData("i03e", "invalid number")]
    [InlineData("ie", "invalid number")]
    [InlineData("i1x2e", "invalid number")]
    [InlineData("03:abc", "invalid number")]
    [InlineData("-3:abc", "unexpected byte")]
    [InlineData("i1234567890123456789e", "invalid number")]
    [InlineData("di1ei2ee", "not a string")]
    [InlineData("4:pinge", "trailing")]
    [InlineData("x", "unexpected byte")]
    [InlineData("", "truncated")]
    public void TryRead_MalformedInput_RefusedWithReason(string input, string reason) =>
        Assert.Contains(reason, Refused(input), StringComparison.Ordinal);

    [Fact]
    public void TryRead_NestingBeyondLimit_Refused()
    {
        var deep = new string('l', BencodeReader.MaxDepth + 1) + new string('e', BencodeReader.MaxDepth + 1);
        var allowed = new string('l', BencodeReader.MaxDepth) + new string('e', BencodeReader.MaxDepth);

        Assert.Contains("nested", Refused(deep), StringComparison.Ordinal);
        Assert.NotNull(Read(allowed));
    }

    [Fact]
    public void TryRead_TooManyValues_Refused() =>
        Assert.Contains("too many", Refused("l" + string.Concat(Enumerable.Repeat("i1e", BencodeReader.MaxValues)) + "e"), StringComparison.Ordinal);

    [Fact]
    public void TryRead_64KilobytesOfGarbage_RefusedWithoutThrowing()
    {
        var random = new Random(14);
        for (var round = 0; round < 200; round++)
        {
            var garbage = new byte[64 * 1024];
            random.NextBytes(garbage);
            // Start some rounds with a plausible prefix so the reader gets past the first byte.
            var prefix = Encoding.ASCII.GetBytes(round % 3 == 0 ? "d3:abcl" : round % 3 == 1 ? "l999:" : "d");
            prefix.CopyTo(garbage, 0);

            Assert.False(BencodeReader.TryRead(garbage, out _, out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }
    }

    [Fact]
    public void TryRead_LongRunOfDigits_RefusedAsInvalidNumber() =>
        Assert.Contains("invalid number", Refused(Encoding.ASCII.GetBytes(new string('9', 64 * 1024))), StringComparison.Ordinal);
}
