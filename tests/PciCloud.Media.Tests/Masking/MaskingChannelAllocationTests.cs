using PciCloud.Media.Codecs;
using PciCloud.Media.Masking;

namespace PciCloud.Media.Tests.Masking;

public sealed class MaskingChannelAllocationTests
{
    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void ProcessFrame_AfterTheFirstKeyPress_AllocatesNothingPerFrame(G711Law law)
    {
        // Key presses keep coming (detected, masked, queued and read), so every per-frame path runs.
        var keys = Signals.Concat(Signals.Key('4', onMs: 80, lead: 100, tail: 100), Signals.Key('#', onMs: 80, lead: 100, tail: 200));
        var codes = Signals.Encode(keys, law);

        var channel = new MaskingChannel(new MaskingOptions());
        var output = new byte[160];
        RunFrames(channel, codes, output, law); // warm-up: the first key press and masked span allocate their queues once
        var before = GC.GetAllocatedBytesForCurrentThread();

        var keyPresses = 0;
        for (var round = 0; round < 20; round++)
        {
            keyPresses += RunFrames(channel, codes, output, law);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(40, keyPresses);
    }

    private static int RunFrames(MaskingChannel channel, byte[] codes, byte[] output, G711Law law)
    {
        var keyPresses = 0;
        for (var offset = 0; offset + 160 <= codes.Length; offset += 160)
        {
            channel.ProcessFrame(codes.AsSpan(offset, 160), output, law);
            while (channel.TryReadKeyPress(out _))
            {
                keyPresses++;
            }

            while (channel.TryReadMaskedSpan(out _))
            {
            }
        }

        return keyPresses;
    }
}
