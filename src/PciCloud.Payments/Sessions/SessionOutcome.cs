using PciCloud.Payments.Gateways;

namespace PciCloud.Payments.Sessions;

/// <summary>The result of a submit, in gateway references (the API maps them to its own ids). Never card data.</summary>
public sealed record SessionOutcome(GatewayOutcome Outcome)
{
    public string? PaymentReference { get; init; }
    public string? TokenReference { get; init; }
    public string? ScheduleReference { get; init; }
    public string? AuthorizationCode { get; init; }
    public string? DeclineCode { get; init; }
    public string? ErrorCode { get; init; }
    public string? Message { get; init; }

    /// <summary>The outcome of a gateway call made for a session of this intent (tokenize and recurring give a token).</summary>
    public static SessionOutcome FromGateway(PaymentIntent intent, GatewayResult result)
    {
        var givesToken = intent is PaymentIntent.Tokenize or PaymentIntent.Recurring;
        return new SessionOutcome(result.Outcome)
        {
            PaymentReference = givesToken ? null : result.Reference,
            TokenReference = givesToken && result.IsApproved ? result.Reference : null,
            AuthorizationCode = result.AuthorizationCode,
            DeclineCode = result.DeclineCode,
            ErrorCode = result.ErrorCode,
            Message = result.Message,
        };
    }
}
