namespace PciCloud.Payments.Cards;

/// <summary>Thrown when something tries to serialize a type that holds card data.</summary>
public sealed class CardDataSerializationException : InvalidOperationException
{
    public CardDataSerializationException(Type type)
        : base($"{type.Name} holds card data and must never be serialized; serialize its masked view instead.")
    {
    }
}
