using PciCloud.Contracts.Sessions;
using PciCloud.Payments.Sessions;
using SessionResult = PciCloud.Payments.Sessions.SessionResult;
using ContractView = PciCloud.Contracts.Sessions.PaymentSessionView;

namespace PciCloud.Grains.Sessions;

internal static class PaymentSessionResults
{
    public static SessionResult Refuse(string code) => SessionResult.Refused(code);

    public static SessionReply ToReply(SessionResult result, Func<ContractView> view) =>
        result.IsAccepted ? SessionReply.Success(view()) : SessionReply.Refused(result.Reason!, Describe(result.Reason!));

    private static string Describe(string code) => code switch
    {
        SessionRefusalCodes.InvalidState => "The session is not open.",
        SessionRefusalCodes.SessionExpired => "The session has expired.",
        SessionRefusalCodes.FieldNotConfigured => "That field is not part of this session.",
        SessionRefusalCodes.FieldNotKeyable => "In this region that field is typed by the agent (PATCH), not keyed.",
        SessionRefusalCodes.FieldAlreadyComplete => "The field is complete: reset it first.",
        SessionRefusalCodes.NotReady => "Every field must be complete and valid before submit.",
        SessionRefusalCodes.CardDataInText => "description and reference must not contain card numbers.",
        SessionRefusalCodes.InvalidAmount => "amount must be a positive integer in minor units.",
        _ => code.Replace('_', ' '),
    };
}
