namespace PciCloud.Signalling.Ng;

/// <summary>A request the worker refuses: the reason goes to the proxy as <c>error-reason</c>, so it must never carry secrets.</summary>
public sealed class NgException(string reason) : Exception(reason)
{
    public string Reason => Message;
}
