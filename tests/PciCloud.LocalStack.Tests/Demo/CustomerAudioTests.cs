using PciCloud.LocalStack.Demo;
using PciCloud.Media.Dtmf;

namespace PciCloud.LocalStack.Tests.Demo;

public sealed class CustomerAudioTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pcicloud-audio-test-").FullName;

    [Fact]
    public void Speech_IsNotMistakenForKeyPresses()
    {
        var speech = new CustomerAudio(seed: 11).Speech(20_000);

        Assert.Equal(string.Empty, Detect(speech));
        Assert.True(speech.Max(s => Math.Abs((int)s)) > 4000, "the speech is audible");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Keys_AreDetectedInOrder_ByTheProjectsDetectorAndByMultimon(bool fast)
    {
        const string Keys = "4242424242424242" + "1230" + "737#";
        var audio = new CustomerAudio(seed: 3);
        var call = audio.Speech(2000).Concat(audio.Keys(Keys, fast)).Concat(CustomerAudio.Pause(500)).ToArray();
        var path = Path.Combine(_dir, "keys.wav");

        AudioEvidence.WriteWav(path, call);

        Assert.Equal(Keys, Detect(call));
        Assert.Equal(Keys.Length, AudioEvidence.CountKeyPresses(path));
        Assert.Equal(Keys, await MultimonDtmf.DecodeAsync(path));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Detect(short[] samples)
    {
        var detector = new DtmfDetector();
        detector.Process(samples);
        detector.Finish();
        var keys = new System.Text.StringBuilder();
        while (detector.TryReadKeyPress(out var press))
        {
            keys.Append(press.Digit);
        }
        return keys.ToString();
    }
}
