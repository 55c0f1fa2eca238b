namespace PciCloud.Contracts.Media;

/// <summary>The answer to a tenant's media reservation: a reservation, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.media-reservation-outcome.v1")]
public sealed record MediaReservationOutcome(
    [property: Id(0)] MediaReservation? Reservation,
    [property: Id(1)] MediaReservationRefusal Refusal);
