using System.Security.Cryptography;
using PciCloud.Grains.Certificates;
using PciCloud.Media.Certificates;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>The region's certificate signer as the local stack has it: one P-256 key in memory, ES256.</summary>
internal sealed class TestCertificateSigner : IMaskingCertificateSigner, IDisposable
{
    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string KeyId => EcJsonWebKey.Thumbprint(Key);

    public string Region => "us";

    public Task<(string Jws, string KeyId)> SignAsync(ReadOnlyMemory<byte> payloadJson, CancellationToken cancellationToken) =>
        Task.FromResult((Es256Jws.Sign(payloadJson.Span, KeyId, Key), KeyId));

    public void Dispose() => Key.Dispose();
}
