using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Sessions;
using PciCloud.Region.Http;

namespace PciCloud.Region.Apis;

/// <summary>A refused session command as a problem: the stable code, with the status API.md gives it.</summary>
internal static class SessionProblems
{
    public static ProblemHttpResult From(SessionReply reply) => reply.ErrorCode switch
    {
        "not_found" => Problems.NotFound(),
        "field_not_configured" or "field_not_keyable" or "intent_not_supported" =>
            Problems.Unprocessable(reply.ErrorCode, reply.ErrorDetail ?? reply.ErrorCode),
        "invalid_request" or "card_data_in_text" or "invalid_amount" or "invalid_currency" or "invalid_postal_code" =>
            Problems.Invalid(reply.ErrorDetail ?? reply.ErrorCode, reply.ErrorCode),
        "gateway_unavailable" => Problems.Unavailable(reply.ErrorCode, reply.ErrorDetail ?? "The gateway is unavailable."),
        _ => Problems.Conflict(reply.ErrorCode ?? "invalid_state", reply.ErrorDetail ?? "The session does not allow this now."),
    };
}
