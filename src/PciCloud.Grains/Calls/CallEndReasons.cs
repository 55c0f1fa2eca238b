namespace PciCloud.Grains.Calls;

/// <summary>Why a call ended, as the calls report states it.</summary>
public static class CallEndReasons
{
    /// <summary>Ended through the API (<c>POST /v1/calls/{id}/end</c>) or by the SIP proxy's delete.</summary>
    public const string Requested = "requested";

    /// <summary>No media for the tenant's <c>idleTimeoutSeconds</c> after media had flowed.</summary>
    public const string Idle = "idle";

    /// <summary>No media at all within the tenant's <c>unusedTimeoutSeconds</c> after the call started.</summary>
    public const string Unused = "unused";
}
