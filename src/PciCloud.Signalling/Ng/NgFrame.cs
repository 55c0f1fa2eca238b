using System.Text;
using PciCloud.Signalling.Bencode;

namespace PciCloud.Signalling.Ng;

/// <summary>
/// One ng message: <c>cookie SP bencoded-dictionary</c>. The cookie matches a reply to its request
/// and detects retransmissions; it is printable ASCII without spaces, at most <see cref="MaxCookieLength"/> bytes.
/// </summary>
public static class NgFrame
{
    public const int MaxCookieLength = 64;

    /// <summary>Splits off the cookie; false when there is none (such a datagram cannot be answered).</summary>
    public static bool TrySplitCookie(ReadOnlySpan<byte> datagram, out string cookie, out ReadOnlySpan<byte> body)
    {
        cookie = "";
        body = default;
        var space = datagram[..Math.Min(datagram.Length, MaxCookieLength + 1)].IndexOf((byte)' ');
        if (space <= 0)
        {
            return false;
        }

        foreach (var b in datagram[..space])
        {
            if (b is < 0x21 or > 0x7e)
            {
                return false;
            }
        }

        cookie = Encoding.ASCII.GetString(datagram[..space]);
        body = datagram[(space + 1)..];
        return true;
    }

    /// <summary>The request dictionary of a body; false with a reason when it is not one.</summary>
    public static bool TryReadDictionary(ReadOnlySpan<byte> body, out BencodeDictionary? dictionary, out string? error)
    {
        dictionary = null;
        if (!BencodeReader.TryRead(body, out var value, out error))
        {
            return false;
        }

        dictionary = value as BencodeDictionary;
        error = dictionary is null ? "message is not a dictionary" : null;
        return dictionary is not null;
    }

    public static byte[] Format(string cookie, BencodeDictionary reply)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes(cookie));
        stream.WriteByte((byte)' ');
        BencodeWriter.Write(stream, reply);
        return stream.ToArray();
    }

    public static BencodeDictionary Error(string reason) =>
        new BencodeDictionary().Set("result", "error").Set("error-reason", reason);

    public static BencodeDictionary Ok() => new BencodeDictionary().Set("result", "ok");
}
