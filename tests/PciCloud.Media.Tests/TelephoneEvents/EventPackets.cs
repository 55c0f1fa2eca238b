using PciCloud.Media.TelephoneEvents;

namespace PciCloud.Media.Tests.TelephoneEvents;

/// <summary>The packets a phone sends for one key press (RFC 4733 section 2.5.1): updates every 20 ms, then 3 end packets.</summary>
internal static class EventPackets
{
    public static List<(uint Timestamp, TelephoneEvent Event)> KeyPress(char key, uint timestamp, int durationSamples)
    {
        Assert.True(DtmfEvents.TryGetCode(key, out var code));
        var packets = new List<(uint, TelephoneEvent)>();
        for (var duration = 160; duration < durationSamples; duration += 160)
        {
            packets.Add((timestamp, new TelephoneEvent(code, false, 10, (ushort)duration)));
        }

        for (var i = 0; i < 3; i++)
        {
            packets.Add((timestamp, new TelephoneEvent(code, true, 10, (ushort)durationSamples)));
        }

        return packets;
    }

    public static List<TelephoneEventUpdate> Drain(TelephoneEventTracker tracker)
    {
        var updates = new List<TelephoneEventUpdate>();
        while (tracker.TryRead(out var update))
        {
            updates.Add(update);
        }

        return updates;
    }

    public static List<TelephoneEventUpdate> Run(TelephoneEventTracker tracker, IEnumerable<(uint Timestamp, TelephoneEvent Event)> packets)
    {
        var updates = new List<TelephoneEventUpdate>();
        foreach (var (timestamp, ev) in packets)
        {
            tracker.Process(timestamp, ev);
            updates.AddRange(Drain(tracker));
        }

        return updates;
    }

    public static string Ended(IEnumerable<TelephoneEventUpdate> updates) =>
        string.Concat(updates.Where(u => u.Kind == TelephoneEventUpdateKind.Ended).Select(u => u.Key));
}
