using PciCloud.Contracts.Media;

namespace PciCloud.Contracts.Calls;

/// <summary>A call as the grain reports it; the API adds the media token to the websocket URL.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.call-view.v1")]
public sealed record CallView(
    [property: Id(0)] string Id,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string? ExternalId,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset? EndedAt,
    [property: Id(6)] CallMediaRequest Media,
    [property: Id(7)] MediaReservation Reservation,
    [property: Id(8)] IReadOnlyList<string> PaymentSessionIds,
    [property: Id(9)] string? OpenSessionId)
{
    public const string Active = "active";
    public const string Ended = "ended";
}
