namespace PciCloud.Grains.Sip;

[GenerateSerializer, Alias("pcicloud.sip-call-state.v1")]
public sealed class SipCallState
{
    /// <summary>The PciCloud call while the SIP call is open; null before the first offer and after delete.</summary>
    [Id(0)] public string? CallId { get; set; }

    [Id(1)] public string? RtpHost { get; set; }

    [Id(2)] public int CalleeFacingPort { get; set; }

    [Id(3)] public int CallerFacingPort { get; set; }
}
