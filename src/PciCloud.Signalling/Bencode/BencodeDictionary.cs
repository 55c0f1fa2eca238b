using System.Text;

namespace PciCloud.Signalling.Bencode;

/// <summary>
/// A bencode dictionary: byte-string keys (compared as UTF-8 text) to values, in the order they
/// were added. rtpengine does not sort keys and neither do its clients, so the order is kept as
/// read. Values are <c>byte[]</c> (strings), <c>long</c>, <see cref="IReadOnlyList{T}"/> of values,
/// or nested dictionaries.
/// </summary>
public sealed class BencodeDictionary
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public int Count => _entries.Count;

    public IEnumerable<KeyValuePair<string, object>> Entries => _entries;

    /// <summary>Adds or replaces a key (a later duplicate in a message wins, as in rtpengine).</summary>
    public BencodeDictionary Set(string key, object value)
    {
        var i = _entries.FindIndex(e => e.Key == key);
        if (i >= 0)
        {
            _entries[i] = new(key, value);
        }
        else
        {
            _entries.Add(new(key, value));
        }

        return this;
    }

    public object? Get(string key) => _entries.FirstOrDefault(e => e.Key == key).Value;

    /// <summary>A byte-string value as UTF-8 text; null when missing or not a string.</summary>
    public string? GetString(string key) => Get(key) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;

    public long? GetInteger(string key) => Get(key) is long value ? value : null;

    /// <summary>The string items of a list value (other items skipped); empty when missing or not a list.</summary>
    public IReadOnlyList<string> GetStringList(string key) => Get(key) is IReadOnlyList<object> list
        ? [.. list.OfType<byte[]>().Select(b => Encoding.UTF8.GetString(b))]
        : [];

    public BencodeDictionary? GetDictionary(string key) => Get(key) as BencodeDictionary;
}
