namespace PciCloud.Media.Codecs;

/// <summary>The two G.711 companding laws (RTP payload types 0 = PCMU and 8 = PCMA).</summary>
public enum G711Law
{
    MuLaw,
    ALaw,
}
