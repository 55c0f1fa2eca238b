using Microsoft.Extensions.Compliance.Classification;

namespace PciCloud.ServiceDefaults;

/// <summary>Marks a log parameter or property that could carry card data: it is always erased.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class CardDataAttribute() : DataClassificationAttribute(PciDataClassifications.CardData);
