using System.Text.Json.Serialization;

namespace PciCloud.Payments.Sessions;

[JsonConverter(typeof(JsonStringEnumConverter<FieldState>))]
public enum FieldState
{
    [JsonStringEnumMemberName("empty")] Empty,
    [JsonStringEnumMemberName("capturing")] Capturing,
    [JsonStringEnumMemberName("complete")] Complete,
    [JsonStringEnumMemberName("invalid")] Invalid,
}
