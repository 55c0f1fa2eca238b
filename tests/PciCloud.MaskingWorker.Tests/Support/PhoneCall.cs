namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>
/// The datagrams of a phone keying digits, in the order it sends them (one sequence space):
/// 20 ms audio packets and, with events on, the RFC 4733 packets of each key press (a start and
/// updates every 20 ms while the key is down, then the end packet sent three times).
/// </summary>
internal static class PhoneCall
{
    /// <param name="audioDuringKeyPresses">False: no audio packet while a key is down, as phones that send only events then do (RFC 4733 allows it).</param>
    public static List<byte[]> Packets(
        RtpStream stream, byte[] codes, IReadOnlyList<(char Key, long Start, int Duration)> keyPresses, bool audio, bool events, bool audioDuringKeyPresses = true)
    {
        var packets = new List<byte[]>();
        for (long at = 0; at + RtpStream.SamplesPerPacket <= codes.Length; at += RtpStream.SamplesPerPacket)
        {
            if (events)
            {
                foreach (var (key, start, duration) in keyPresses)
                {
                    var elapsed = at - start;
                    if (elapsed >= 0 && elapsed < duration)
                    {
                        packets.Add(stream.Event(key, start, (int)elapsed, end: false));
                    }
                    else if (elapsed >= duration && elapsed < duration + RtpStream.SamplesPerPacket)
                    {
                        var end = stream.Event(key, start, duration, end: true);
                        packets.AddRange([end, end, end]);
                    }
                }
            }

            var keyDown = keyPresses.Any(k => at + RtpStream.SamplesPerPacket > k.Start && at < k.Start + k.Duration);
            if (audio && (audioDuringKeyPresses || !keyDown))
            {
                packets.Add(stream.Audio(codes.AsSpan((int)at, RtpStream.SamplesPerPacket), at, marker: at == 0));
            }
        }

        return packets;
    }

    /// <summary>Where <see cref="TestAudio.CardEntry"/> puts its key presses (samples).</summary>
    public static List<(char Key, long Start, int Duration)> CardEntryKeyPresses(string digits = TestAudio.CardNumber, int onMs = 70, int offMs = 80) =>
        [.. digits.Select((key, i) => (key, (long)((200 + (i * (onMs + offMs))) * 8), onMs * 8))];
}
