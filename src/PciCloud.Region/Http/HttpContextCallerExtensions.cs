using PciCloud.Region.Auth;

namespace PciCloud.Region.Http;

public static class HttpContextCallerExtensions
{
    private static readonly object Key = new();

    public static Caller GetCaller(this HttpContext context) =>
        context.Items[Key] as Caller ?? throw new InvalidOperationException("The endpoint has no RequiresCaller metadata.");

    public static Caller? FindCaller(this HttpContext context) => context.Items[Key] as Caller;

    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[Key] = caller;
}
