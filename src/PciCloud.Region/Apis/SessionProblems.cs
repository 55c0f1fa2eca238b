using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Sessions;
using PciCloud.Region.Http;

namespace PciCloud.Region.Apis;

/// <summary>A refused session command as a problem: the stable code, with the status API.md gives it.</summary>
internal static class SessionProblems
{
    public static ProblemHttpResult From(SessionReply reply) => From(reply.ErrorCode, reply.ErrorDetail);

    /// <summary>Any grain refusal (sessions, payments, refunds, schedules) by its stable code.</summary>
    public static ProblemHttpResult From(string? code, string? detail) => code switch
    {
        "not_found" => Problems.NotFound(),
        "field_not_configured" or "field_not_keyable" or "intent_not_supported" =>
            Problems.Unprocessable(code, detail ?? code),
        "invalid_request" or "card_data_in_text" or "invalid_amount" or "invalid_currency" or "invalid_postal_code"
            or "invalid_confirmation" or "invalid_account_type" =>
            Problems.Invalid(detail ?? code, code),
        "gateway_unavailable" => Problems.Unavailable(code, detail ?? "The gateway is unavailable."),
        _ => Problems.Conflict(code ?? "invalid_state", detail ?? "The object does not allow this now."),
    };
}
