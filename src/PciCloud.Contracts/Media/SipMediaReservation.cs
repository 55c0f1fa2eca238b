namespace PciCloud.Contracts.Media;

/// <summary>Two ports on one named worker for a SIP call relayed both ways (each leg has its own port).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.sip-media-reservation.v1")]
public sealed record SipMediaReservation(
    [property: Id(0)] MediaReservation Reservation,
    [property: Id(1)] int SecondPort);
