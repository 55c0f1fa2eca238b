using System.Text.Json.Serialization;

namespace PciCloud.Payments.Cards;

/// <summary>Whose postal-code rules apply: the tenant's region.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PostalCodeRegion>))]
public enum PostalCodeRegion
{
    [JsonStringEnumMemberName("us")] Us,
    [JsonStringEnumMemberName("uk")] Uk,
    [JsonStringEnumMemberName("au")] Au,
}
