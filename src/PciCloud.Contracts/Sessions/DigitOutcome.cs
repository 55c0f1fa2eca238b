namespace PciCloud.Contracts.Sessions;

[GenerateSerializer, Alias("pcicloud.digit-outcome.v1")]
public enum DigitOutcome
{
    /// <summary>A field was capturing and took the key.</summary>
    Accepted,

    /// <summary>No field was capturing (or the session is closed): discarded.</summary>
    NotCapturing,
}
