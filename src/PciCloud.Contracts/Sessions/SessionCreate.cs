namespace PciCloud.Contracts.Sessions;

/// <summary>A validated request to open a payment session, with the tenant settings it depends on.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.session-create.v1")]
public sealed record SessionCreate(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string CallId,
    [property: Id(2)] string Intent,
    [property: Id(3)] long? Amount,
    [property: Id(4)] string? Currency,
    [property: Id(5)] string? Description,
    [property: Id(6)] string? Reference,
    [property: Id(7)] string? AgentId,
    [property: Id(8)] bool AgentCanRefund,
    [property: Id(9)] IReadOnlyList<string> Fields,
    [property: Id(10)] RecurringPlan? Recurring,
    [property: Id(11)] string Region,
    [property: Id(12)] string GatewayKind,
    [property: Id(13)] IReadOnlyList<string> AcceptedBrands)
{
    /// <summary>Null in a session created before controls existed: read it through <see cref="ControlsOrDefault"/>.</summary>
    [Id(14)] public SessionControls? Controls { get; init; }

    public SessionControls ControlsOrDefault => Controls ?? SessionControls.Default;
}
