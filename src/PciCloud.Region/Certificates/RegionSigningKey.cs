using System.Security.Cryptography;

namespace PciCloud.Region.Certificates;

/// <summary>One of the region's P-256 keys and its key id (the RFC 7638 thumbprint of its public key).</summary>
public sealed record RegionSigningKey(string KeyId, ECDsa Key);
