namespace PciCloud.Payments.Gateways.Sandbox;

/// <summary>Bank debits and mandates in the sandbox (outcomes: <see cref="SandboxTestBankAccounts"/>). Keeps no bank data.</summary>
public sealed partial class SandboxGateway
{
    public Task<GatewayResult> DebitBankAsync(BankDebitRequest request, CancellationToken cancellationToken)
    {
        var account = request.Account;
        return Run(request.IdempotencyKey, $"bank|{account.Scheme}|{account.Last4}|{request.Amount}|{request.Mandate}|{request.Reference}", cancellationToken, () =>
        {
            var decline = SandboxTestBankAccounts.DebitDecline(account.AccountNumber.RevealForGateway());
            if (!request.Mandate)
            {
                return request.Amount is not { MinorUnits: > 0 } amount
                    ? InvalidRequest("The amount must be positive.")
                    : Record(request.IdempotencyKey, "bank_debit", amount, decline, capture: true);
            }

            // A mandate: later debits are token charges, declined or not as this account's are.
            var mandate = "mandate_sbx_" + Hash(request.IdempotencyKey);
            _tokens[mandate] = decline;
            return GatewayResult.Approved(mandate);
        });
    }
}
