using System.Text;
using PciCloud.Signalling.Bencode;

namespace PciCloud.Signalling.Tests.Bencode;

public sealed class BencodeWriterTests
{
    [Fact]
    public void Write_Reply_IsRtpengineEncoding()
    {
        var reply = new BencodeDictionary().Set("result", "ok").Set("created", 1700000000L)
            .Set("tags", new object[] { "a", 5, new BencodeDictionary() });

        Assert.Equal("d6:result2:ok7:createdi1700000000e4:tagsl1:ai5edeee", Encoding.UTF8.GetString(BencodeWriter.Write(reply)));
    }

    [Fact]
    public void Write_ThenRead_RoundTripsUtf8AndBinary()
    {
        var original = new BencodeDictionary().Set("sdp", "v=0\r\ns=Zoë\r\n").Set("raw", new byte[] { 0, 1, 255 }).Set("n", -42L);

        Assert.True(BencodeReader.TryRead(BencodeWriter.Write(original), out var value, out _));

        var read = (BencodeDictionary)value!;
        Assert.Equal("v=0\r\ns=Zoë\r\n", read.GetString("sdp"));
        Assert.Equal(new byte[] { 0, 1, 255 }, read.Get("raw"));
        Assert.Equal(-42L, read.GetInteger("n"));
    }

    [Fact]
    public void Write_UnsupportedType_Throws() =>
        Assert.Throws<ArgumentException>(() => BencodeWriter.Write(new BencodeDictionary().Set("x", 1.5)));
}
