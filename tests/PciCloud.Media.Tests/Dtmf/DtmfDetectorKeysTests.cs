using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Tests.Dtmf;

public sealed class DtmfDetectorKeysTests
{
    public static TheoryData<char> AllKeys() => new("123A456B789C*0#D".ToCharArray());

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Process_EveryKey_ReportedOnceWithStartAndDuration(char key)
    {
        var presses = DetectorRun.KeyPresses(Signals.Key(key, onMs: 100, lead: 200));

        var press = Assert.Single(presses);
        Assert.Equal(key, press.Digit);
        Assert.InRange(press.StartSample, 1600 - 60, 1600 + 60);      // tone starts at 200 ms
        Assert.InRange(press.DurationSamples, 800 - 120, 800 + 120);  // and lasts 100 ms
    }

    [Fact]
    public void Process_AllSixteenKeysInSequence_ReportsTheSequence()
    {
        const string keys = "123A456B789C*0#D";

        Assert.Equal(keys, DetectorRun.Digits(DtmfSynth.Sequence(keys, -10, onMs: 50, offMs: 50)));
    }

    [Fact]
    public void Process_RepeatedKeyWith40msPause_ReportsEachPress()
    {
        Assert.Equal("5555", DetectorRun.Digits(DtmfSynth.Sequence("5555", -10, onMs: 40, offMs: 40)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(51)]
    [InlineData(160)]
    [InlineData(4000)]
    public void Process_AnyChunkSize_SameKeyPresses(int chunk)
    {
        var signal = DtmfSynth.Sequence("90#D1", -20, onMs: 45, offMs: 45);

        Assert.Equal(DetectorRun.KeyPresses(signal, 160), DetectorRun.KeyPresses(signal, chunk));
    }

    [Fact]
    public void Process_KeyHeldPastEndOfStream_ReportedOnFinish()
    {
        var signal = Signals.Key('7', onMs: 300, tail: 0);
        var detector = new DtmfDetector();

        detector.Process(signal);
        Assert.False(detector.TryReadKeyPress(out _));
        Assert.True(detector.InKeyPress);

        detector.Finish();
        Assert.True(detector.TryReadKeyPress(out var press));
        Assert.Equal('7', press.Digit);
    }

    [Fact]
    public void Process_Silence_NoKeyPress()
    {
        Assert.Empty(DetectorRun.KeyPresses(Signals.Silence(2000)));
    }
}
