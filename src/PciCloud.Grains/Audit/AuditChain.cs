using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Audit;

namespace PciCloud.Grains.Audit;

/// <summary>The hash chain of an audit trail: hash = hex SHA-256 of the JCS form of the event without "hash".</summary>
public static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    public static string ComputeHash(AuditEvent e)
    {
        var node = new JsonObject
        {
            ["id"] = e.Id,
            ["at"] = e.At,
            ["actor"] = e.Actor,
            ["action"] = e.Action,
            ["objectId"] = e.ObjectId,
            ["outcome"] = e.Outcome,
            ["previousHash"] = e.PreviousHash,
        };
        var canonical = JsonCanonicalizer.Canonicalize(node);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// The index of the first event that breaks the chain (its hash is wrong, or it does not link to
    /// the event before it), or -1 when the whole chain holds. <paramref name="expectedFirstPrevious"/>
    /// is the hash the first event must link to (genesis for a full trail).
    /// </summary>
    public static int FirstBreak(IReadOnlyList<AuditEvent> events, string? expectedFirstPrevious = null)
    {
        var previous = expectedFirstPrevious ?? GenesisHash;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.PreviousHash != previous || ComputeHash(e) != e.Hash)
            {
                return i;
            }

            previous = e.Hash;
        }

        return -1;
    }
}
