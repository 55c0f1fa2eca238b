using System.Globalization;
using System.Text;

namespace PciCloud.Signalling.Bencode;

/// <summary>Writes bencode: strings (UTF-8) and byte arrays as byte strings, integers, lists, dictionaries.</summary>
public static class BencodeWriter
{
    public static byte[] Write(object value)
    {
        using var stream = new MemoryStream();
        Write(stream, value);
        return stream.ToArray();
    }

    public static void Write(Stream stream, object value)
    {
        switch (value)
        {
            case string text:
                WriteBytes(stream, Encoding.UTF8.GetBytes(text));
                break;
            case byte[] bytes:
                WriteBytes(stream, bytes);
                break;
            case int or long:
                WriteAscii(stream, "i" + Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "e");
                break;
            case BencodeDictionary dictionary:
                stream.WriteByte((byte)'d');
                foreach (var (key, item) in dictionary.Entries)
                {
                    WriteBytes(stream, Encoding.UTF8.GetBytes(key));
                    Write(stream, item);
                }

                stream.WriteByte((byte)'e');
                break;
            case System.Collections.IEnumerable list:
                stream.WriteByte((byte)'l');
                foreach (var item in list)
                {
                    Write(stream, item!);
                }

                stream.WriteByte((byte)'e');
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} has no bencode form.", nameof(value));
        }
    }

    private static void WriteBytes(Stream stream, byte[] bytes)
    {
        WriteAscii(stream, bytes.Length.ToString(CultureInfo.InvariantCulture) + ":");
        stream.Write(bytes);
    }

    private static void WriteAscii(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
