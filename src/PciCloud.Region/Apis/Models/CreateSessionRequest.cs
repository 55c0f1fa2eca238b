namespace PciCloud.Region.Apis.Models;

public sealed record CreateSessionRequest(
    string? Intent, long? Amount, string? Currency, string? Description, string? Reference, string? AgentId,
    bool? AgentCanRefund, IReadOnlyList<string>? Fields, RecurringBody? Recurring);
