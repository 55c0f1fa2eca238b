using System.Globalization;
using System.Net;
using System.Text;

namespace PciCloud.Signalling.Sdp;

/// <summary>
/// Rewrites one side's SDP so the other side sends its audio to the worker: the worker's address in
/// o= and c=, the worker's port in the first audio m= line, and only what the worker relays: PCMU,
/// PCMA and telephone-event over plain RTP/AVP. Everything the worker does not relay is removed or
/// rejected rather than passed on as a promise nobody keeps: other codecs' rtpmap/fmtp lines, RTCP,
/// ICE, SDES and DTLS attributes; other media sections get port 0 (declined, RFC 3264).
/// </summary>
public static class SdpRewriter
{
    public const int MaxSdpLength = 32 * 1024;
    private const int MaxLines = 1000;

    private static readonly string[] DroppedAttributes =
        ["rtcp:", "rtcp-mux", "rtcp-fb", "candidate", "ice-", "end-of-candidates", "crypto", "fingerprint", "setup", "mid"];

    /// <summary>The audio of <paramref name="sdp"/> and its rewritten text; throws <see cref="SdpException"/> when there is nothing the worker can relay.</summary>
    public static (string Sdp, SdpAudio Audio) Rewrite(string sdp, IPAddress workerAddress, int workerPort)
    {
        var lines = Split(sdp);
        var audioIndex = lines.FindIndex(l => l.StartsWith("m=audio ", StringComparison.Ordinal));
        if (audioIndex < 0)
        {
            throw new SdpException("No audio stream in SDP");
        }

        var sessionConnection = Connection(lines.Take(FirstMedia(lines)));
        var audioEnd = NextMedia(lines, audioIndex);
        var audioLines = lines.Skip(audioIndex).Take(audioEnd - audioIndex).ToList();
        var map = RtpMap(audioLines);
        var (port, payloadTypes) = ParseMediaLine(lines[audioIndex]);
        var kept = payloadTypes.Where(pt => Name(pt, map) is "PCMU" or "PCMA" or "TELEPHONE-EVENT").ToList();
        var codec = kept.Select(pt => Name(pt, map)).FirstOrDefault(n => n is "PCMU" or "PCMA")
            ?? throw new SdpException("No supported codec in SDP: PCMU or PCMA is required (no transcoding)");
        var eventType = kept.Where(pt => Name(pt, map) == "TELEPHONE-EVENT").Select(pt => (int?)pt).FirstOrDefault();
        var address = Connection(audioLines) ?? sessionConnection;
        if (address is not null && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)))
        {
            address = null; // the old form of hold (RFC 2543): no address to send to
        }

        var audio = new SdpAudio(address, port, codec.ToLowerInvariant(), eventType, kept);
        return (Join(Rewritten(lines, audioIndex, audioEnd, audio, map, workerAddress, workerPort)), audio);
    }

    private static IEnumerable<string> Rewritten(
        List<string> lines, int audioIndex, int audioEnd, SdpAudio audio, Dictionary<int, string> map, IPAddress worker, int port)
    {
        var family = worker.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        var inOtherMedia = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var inAudio = i >= audioIndex && i < audioEnd;
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                inOtherMedia = !inAudio;
                yield return inAudio
                    ? $"m=audio {port} RTP/AVP {string.Join(' ', audio.PayloadTypes)}"
                    : DeclineMedia(line);
                continue;
            }

            if (line.StartsWith("o=", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                yield return parts.Length == 6 ? string.Join(' ', parts[..4]) + $" {family} {worker}" : line;
            }
            else if (line.StartsWith("c=", StringComparison.Ordinal) && !inOtherMedia)
            {
                yield return $"c=IN {family} {worker}";
            }
            else if (inAudio && line.StartsWith("a=", StringComparison.Ordinal) && !KeepAudioAttribute(line[2..], audio, map))
            {
                continue;
            }
            else
            {
                yield return line;
            }
        }
    }

    private static bool KeepAudioAttribute(string attribute, SdpAudio audio, Dictionary<int, string> map)
    {
        if (DroppedAttributes.Any(d => attribute.StartsWith(d, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (attribute.StartsWith("rtpmap:", StringComparison.Ordinal) || attribute.StartsWith("fmtp:", StringComparison.Ordinal))
        {
            var number = attribute[(attribute.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(' ')[0];
            return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && audio.PayloadTypes.Contains(pt);
        }

        return true;
    }

    private static (int Port, List<int> PayloadTypes) ParseMediaLine(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || !int.TryParse(parts[1].Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new SdpException("Malformed m=audio line");
        }

        if (parts[2] != "RTP/AVP")
        {
            throw new SdpException($"Unsupported transport protocol {parts[2]}: only RTP/AVP is relayed");
        }

        var types = new List<int>();
        foreach (var format in parts[3..])
        {
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
            {
                throw new SdpException("Malformed payload type in m=audio line");
            }

            types.Add(pt);
        }

        return (port, types);
    }

    private static Dictionary<int, string> RtpMap(IEnumerable<string> mediaLines)
    {
        var map = new Dictionary<int, string> { [0] = "PCMU", [8] = "PCMA" };
        foreach (var line in mediaLines.Where(l => l.StartsWith("a=rtpmap:", StringComparison.Ordinal)))
        {
            var parts = line["a=rtpmap:".Length..].Split(' ', 2);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt <= 127)
            {
                var encoding = parts[1].Split('/');
                // G.711 and telephone events at 8 kHz only: another clock rate is another format.
                map[pt] = encoding.Length >= 2 && encoding[1] == "8000" ? encoding[0].ToUpperInvariant() : "OTHER";
            }
        }

        return map;
    }

    private static string? Name(int payloadType, Dictionary<int, string> map) => map.GetValueOrDefault(payloadType);

    private static IPAddress? Connection(IEnumerable<string> lines)
    {
        var line = lines.LastOrDefault(l => l.StartsWith("c=", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var parts = line[2..].Split(' ');
        return parts.Length == 3 && parts[0] == "IN" && IPAddress.TryParse(parts[2].Split('/')[0], out var address)
            ? address
            : throw new SdpException("Malformed or non-numeric c= line");
    }

    private static string DeclineMedia(string line)
    {
        var parts = line.Split(' ');
        return parts.Length >= 4 ? $"{parts[0]} 0 {string.Join(' ', parts[2..])}" : line;
    }

    private static int FirstMedia(List<string> lines)
    {
        var i = lines.FindIndex(l => l.StartsWith("m=", StringComparison.Ordinal));
        return i < 0 ? lines.Count : i;
    }

    private static int NextMedia(List<string> lines, int from)
    {
        var i = lines.FindIndex(from + 1, l => l.StartsWith("m=", StringComparison.Ordinal));
        return i < 0 ? lines.Count : i;
    }

    private static List<string> Split(string sdp)
    {
        if (sdp.Length > MaxSdpLength)
        {
            throw new SdpException("SDP too large");
        }

        var lines = sdp.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count > MaxLines || lines.Count == 0 || !lines[0].StartsWith("v=", StringComparison.Ordinal))
        {
            throw new SdpException("Malformed SDP");
        }

        return lines;
    }

    private static string Join(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append("\r\n");
        }

        return text.ToString();
    }
}
