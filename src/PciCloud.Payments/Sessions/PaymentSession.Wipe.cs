namespace PciCloud.Payments.Sessions;

public sealed partial class PaymentSession
{
    /// <summary>
    /// Zeroes every card-data buffer without changing the session's status: for an owner that is
    /// going away (a grain deactivating) whose persisted masked view will be restored later.
    /// </summary>
    public void WipeCardData() => WipeAll();
}
