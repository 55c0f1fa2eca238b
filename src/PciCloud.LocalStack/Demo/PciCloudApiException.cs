using System.Text.Json.Nodes;

namespace PciCloud.LocalStack.Demo;

/// <summary>An API call answered with an error; carries the problem details' code and detail.</summary>
public sealed class PciCloudApiException(HttpMethod method, string path, int status, string body)
    : Exception($"{method} {path} answered {status}: {Describe(body)}")
{
    public int Status { get; } = status;

    private static string Describe(string body)
    {
        try
        {
            var problem = JsonNode.Parse(body);
            return $"{problem?["code"]} {problem?["detail"] ?? problem?["title"]}".Trim();
        }
        catch (System.Text.Json.JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
