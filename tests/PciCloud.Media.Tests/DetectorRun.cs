using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Tests;

/// <summary>Runs a fresh detector over a signal in chunks and collects its key presses.</summary>
internal static class DetectorRun
{
    public static List<KeyPress> KeyPresses(short[] signal, int chunk = 160)
    {
        var detector = new DtmfDetector();
        var result = new List<KeyPress>();
        for (var i = 0; i < signal.Length; i += chunk)
        {
            detector.Process(signal.AsSpan(i, Math.Min(chunk, signal.Length - i)));
            while (detector.TryReadKeyPress(out var keyPress))
            {
                result.Add(keyPress);
            }
        }

        detector.Finish();
        while (detector.TryReadKeyPress(out var keyPress))
        {
            result.Add(keyPress);
        }

        return result;
    }

    public static string Digits(short[] signal, int chunk = 160) =>
        new(KeyPresses(signal, chunk).Select(k => k.Digit).ToArray());
}
