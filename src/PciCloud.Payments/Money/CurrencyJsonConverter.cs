using System.Text.Json;
using System.Text.Json.Serialization;

namespace PciCloud.Payments.Money;

/// <summary>A currency is written as its code ("GBP").</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Currency.TryParse(reader.GetString(), out var currency) ? currency : throw new JsonException("Unknown ISO 4217 currency code.");

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}
