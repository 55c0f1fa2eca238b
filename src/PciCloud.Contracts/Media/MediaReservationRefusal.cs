namespace PciCloud.Contracts.Media;

public enum MediaReservationRefusal
{
    /// <summary>Reserved.</summary>
    None,

    /// <summary>No live, non-draining worker has room (or a free port).</summary>
    NoCapacity,

    /// <summary>The tenant holds as many media reservations as its policy allows.</summary>
    TenantLimit,
}
