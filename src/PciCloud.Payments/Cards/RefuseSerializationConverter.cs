using System.Text.Json;
using System.Text.Json.Serialization;

namespace PciCloud.Payments.Cards;

/// <summary>
/// Put on every type that holds card data: System.Text.Json serialization (and deserialization)
/// of it fails loudly instead of writing or reading digits. The message names the type, never a value.
/// </summary>
public sealed class RefuseSerializationConverter<T> : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new CardDataSerializationException(typeof(T));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new CardDataSerializationException(typeof(T));
}
