using Microsoft.Extensions.Compliance.Classification;

namespace PciCloud.ServiceDefaults;

/// <summary>Marks a log parameter or property that carries a key, token or credential: it is always erased.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecretDataAttribute() : DataClassificationAttribute(PciDataClassifications.Secret);
