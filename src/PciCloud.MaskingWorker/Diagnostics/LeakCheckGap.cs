namespace PciCloud.MaskingWorker.Diagnostics;

/// <summary>Why the independent leak check did not see some of a call's audio.</summary>
public enum LeakCheckGap
{
    /// <summary>The check threw on the frame.</summary>
    Failed,

    /// <summary>The check had fallen behind the audio (<c>LeakCheckPace.MaxBacklog</c>) and was skipped to catch up.</summary>
    Behind,
}
