namespace PciCloud.LocalStack.Demo;

/// <summary>Reads the session token out of an Agent Assist link (<c>...?token=...</c>).</summary>
public static class AgentLink
{
    public static string TokenOf(string agentUrl)
    {
        var query = new Uri(agentUrl).Query.TrimStart('?');
        foreach (var pair in query.Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == "token")
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }
        throw new FormatException("The agentUrl carries no token.");
    }
}
