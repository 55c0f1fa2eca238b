namespace PciCloud.MaskingWorker.Calls;

public static class KeyPressTransportNames
{
    public static string ToApiName(this KeyPressTransport transport) => transport switch
    {
        KeyPressTransport.InBand => "inband",
        KeyPressTransport.Rfc4733 => "rfc4733",
        KeyPressTransport.WebSocketDtmf => "websocket-dtmf",
        _ => throw new ArgumentOutOfRangeException(nameof(transport)),
    };
}
