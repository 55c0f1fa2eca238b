using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PciCloud.Edge.Tests.Infrastructure;

internal static class EdgeRequests
{
    public static HttpRequestMessage WithBearer(HttpMethod method, string path, string credential)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return request;
    }

    public static async Task<EchoResponse> EchoAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<EchoResponse>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Asserts an RFC 9457 answer with the given status and <c>code</c>.</summary>
    public static async Task AssertProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
    }
}
