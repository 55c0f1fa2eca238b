using PciCloud.Media.TelephoneEvents;
using static PciCloud.Media.Tests.TelephoneEvents.EventPackets;

namespace PciCloud.Media.Tests.TelephoneEvents;

public sealed class TelephoneEventTrackerTests
{
    [Fact]
    public void Process_OneKeyPress_StartsOnceAndEndsOnce()
    {
        var tracker = new TelephoneEventTracker();
        var updates = Run(tracker, KeyPress('7', 16000, 800));

        Assert.Equal(2, updates.Count);
        Assert.Equal(TelephoneEventUpdateKind.Started, updates[0].Kind);
        Assert.Equal('7', updates[0].Key);
        Assert.Equal(16000u, updates[0].StartTimestamp);
        Assert.Equal(TelephoneEventUpdateKind.Ended, updates[1].Kind);
        Assert.Equal('7', updates[1].Key);
        Assert.Equal(16000u, updates[1].StartTimestamp);
        Assert.Equal(800, updates[1].Duration);
        Assert.True(updates[1].EndObserved);
        Assert.Equal(1, tracker.KeyPresses);
        Assert.Equal(6, tracker.RepeatedPackets); // 4 updates + 3 ends, less the first packet
        Assert.False(tracker.IsActive);
    }

    [Fact]
    public void Process_StartPacketsLost_StillOneKeyPressWithTheTrueStart()
    {
        var tracker = new TelephoneEventTracker();
        var updates = Run(tracker, KeyPress('#', 500, 960).Skip(3));

        Assert.Equal("#", Ended(updates));
        Assert.Equal(500u, updates[0].StartTimestamp);
        Assert.Equal(960, updates[^1].Duration);
    }

    [Fact]
    public void Process_OnlyEndPackets_CountsOnce()
    {
        var tracker = new TelephoneEventTracker();
        var updates = Run(tracker, KeyPress('A', 100, 640).Where(p => p.Event.IsEnd));

        Assert.Equal([TelephoneEventUpdateKind.Started, TelephoneEventUpdateKind.Ended], updates.Select(u => u.Kind));
        Assert.Equal("A", Ended(updates));
    }

    [Fact]
    public void Process_EndPacketsLost_NextKeyPressEndsThePreviousOne()
    {
        var tracker = new TelephoneEventTracker();
        var packets = KeyPress('1', 0, 800).Where(p => !p.Event.IsEnd).Concat(KeyPress('2', 1600, 800));
        var updates = Run(tracker, packets);

        Assert.Equal("12", Ended(updates));
        Assert.False(updates.First(u => u.Kind == TelephoneEventUpdateKind.Ended).EndObserved);
        Assert.Equal(640, updates.First(u => u.Kind == TelephoneEventUpdateKind.Ended).Duration);
        Assert.Equal(1, tracker.InferredEnds);
    }

    [Fact]
    public void Advance_SilentPastTheTimeout_EndsTheKeyPress()
    {
        var tracker = new TelephoneEventTracker(timeoutSamples: 400);
        Run(tracker, KeyPress('9', 1000, 800).Take(2)); // duration reaches 320

        tracker.Advance(1000 + 320 + 400);
        Assert.Empty(Drain(tracker));
        tracker.Advance(1000 + 320 + 401);
        var ended = Assert.Single(Drain(tracker));
        Assert.Equal(TelephoneEventUpdateKind.Ended, ended.Kind);
        Assert.Equal('9', ended.Key);

        // The late end packets of that key press change nothing.
        Assert.Empty(Run(tracker, KeyPress('9', 1000, 800).Skip(2)));
        Assert.Equal(1, tracker.KeyPresses);
    }

    [Fact]
    public void Advance_AcrossTimestampWrap_UsesSerialArithmetic()
    {
        var tracker = new TelephoneEventTracker(timeoutSamples: 400);
        Run(tracker, KeyPress('5', uint.MaxValue - 100, 800).Take(1));
        tracker.Advance(100); // 201 samples later, across the wrap
        Assert.Empty(Drain(tracker));
        tracker.Advance(700);
        Assert.Single(Drain(tracker));
    }

    [Fact]
    public void Process_LossDuplicatesAndJitter_CountEachKeyPressOnceInOrder()
    {
        // A slot is one 20 ms packet time. Key presses last 2-8 slots, gaps 2-5 slots; packets
        // are lost (never all of one key press), duplicated, and delayed by up to 2 slots.
        var random = new Random(4733);
        const string keys = "4111111111111111#";
        for (var round = 0; round < 200; round++)
        {
            var arrivals = new List<(double Arrival, uint Timestamp, TelephoneEvent Event)>();
            var slot = 10;
            foreach (var key in keys)
            {
                var slots = random.Next(2, 9);
                var press = KeyPress(key, (uint)(slot * 160), (slots + 1) * 160);
                var kept = press.Select((p, i) => (p, i)).Where(_ => random.Next(4) != 0).ToList();
                if (kept.Count == 0)
                {
                    kept.Add((press[random.Next(press.Count)], 0));
                }

                foreach (var ((timestamp, ev), i) in kept)
                {
                    var sent = slot + Math.Min(i, slots);
                    arrivals.Add((sent + (random.NextDouble() * 2), timestamp, ev));
                    if (random.Next(5) == 0)
                    {
                        arrivals.Add((sent + (random.NextDouble() * 2), timestamp, ev));
                    }
                }

                slot += slots + 1 + random.Next(2, 6);
            }

            var tracker = new TelephoneEventTracker();
            var updates = Run(tracker, arrivals.OrderBy(a => a.Arrival).Select(a => (a.Timestamp, a.Event)));
            tracker.Reset();
            updates.AddRange(Drain(tracker));

            Assert.Equal(keys, Ended(updates));
            Assert.Equal(keys.Length, updates.Count(u => u.Kind == TelephoneEventUpdateKind.Started));
            Assert.All(updates, u => Assert.False(u.OutOfOrder));
            Assert.Equal(0, tracker.DroppedUpdates);
        }
    }

    [Fact]
    public void Process_KeyPressArrivingAfterALaterOne_CountedOnceAndFlagged()
    {
        var tracker = new TelephoneEventTracker();
        var updates = Run(tracker, KeyPress('2', 4000, 480).Concat(KeyPress('1', 2000, 480)));

        Assert.Equal("21", Ended(updates));
        var late = updates.Last();
        Assert.True(late.OutOfOrder);
        Assert.Equal(2000u, late.StartTimestamp);
        Assert.Equal(1, tracker.OutOfOrderKeyPresses);
        Assert.Equal(2, tracker.KeyPresses);
    }

    [Fact]
    public void Process_NonDtmfEvent_IsIgnored()
    {
        var tracker = new TelephoneEventTracker();
        tracker.Process(0, new TelephoneEvent(16, true, 10, 800)); // flash
        Assert.Empty(Drain(tracker));
        Assert.Equal(1, tracker.IgnoredEvents);
    }

    [Fact]
    public void Reset_WhileActive_EndsTheKeyPressAndForgetsHistory()
    {
        var tracker = new TelephoneEventTracker();
        Run(tracker, KeyPress('3', 0, 800).Take(1));
        tracker.Reset();
        var ended = Assert.Single(Drain(tracker));
        Assert.Equal(TelephoneEventUpdateKind.Ended, ended.Kind);

        // After a reset (new SSRC) the same timestamp is a new key press.
        Assert.Equal("3", Ended(Run(tracker, KeyPress('3', 0, 800))));
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        var update = new TelephoneEventUpdate(TelephoneEventUpdateKind.Ended, '8', 1, 2, true);
        Assert.DoesNotContain("8", update.ToString(), StringComparison.Ordinal);
    }
}
