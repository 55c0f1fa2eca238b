using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PciCloud.Media.Certificates;
using PciCloud.Media.Cli;
using PciCloud.Media.Codecs;
using PciCloud.Media.Masking;
using PciCloud.Media.Wav;

namespace PciCloud.Media.Tests.Cli;

/// <summary><c>pcicloud-media verify</c>: a certificate as the region issues it, a tenant's raw recording, the region's JWKS.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pcicloud-verify-");
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _masked;
    private readonly string _jwks;
    private readonly string _recording;

    public VerifyCommandTests()
    {
        // What the recorder got: a card entry through the masker, as mu-law bytes.
        var pcm = Signals.Concat(Signals.Key('4', lead: 300), Signals.Key('2'), Signals.Silence(200));
        _masked = Masked(Signals.Encode(pcm, G711Law.MuLaw));
        _recording = Write("call.pcmu", _masked);
        var kid = EcJsonWebKey.Thumbprint(_key);
        _jwks = Write("jwks.json", $$"""{"keys":[{{EcJsonWebKey.ToJwk(_key, kid).ToJsonString()}}]}""");
    }

    public void Dispose()
    {
        _key.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public void Verify_SignedCertificateAndItsRecording_Passes()
    {
        var certificate = Write("cert.jws", Sign(Payload(_masked)));

        var code = Run(["verify", certificate, "--jwks", _jwks, "--recording", _recording], out var output);

        Assert.True(code == 0, output);
        Assert.Contains("signature: valid", output, StringComparison.Ordinal);
        Assert.Contains("recording digest: matches leg record", output, StringComparison.Ordinal);
        Assert.Contains("detector: no key tone", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TheApisJsonAnswer_IsReadToo()
    {
        var answer = new JsonObject { ["callId"] = "call_v", ["certificate"] = Sign(Payload(_masked)) };

        Assert.Equal(0, Run(["verify", Write("cert.json", answer.ToJsonString()), "--jwks", _jwks], out _));
    }

    [Fact]
    public void Verify_OneByteChangedInTheRecording_Fails()
    {
        var certificate = Write("cert.jws", Sign(Payload(_masked)));
        var changed = (byte[])_masked.Clone();
        changed[changed.Length / 2] ^= 0x01;

        var code = Run(["verify", certificate, "--jwks", _jwks, "--recording", Write("changed.pcmu", changed)], out var output);

        Assert.Equal(VerifyCommand.Failed, code);
        Assert.Contains("recording digest: NO MATCH", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Verify_OneByteChangedInHeaderPayloadOrSignature_Fails(int part)
    {
        var parts = Sign(Payload(_masked)).Split('.');
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(parts[part]);
        bytes[1] ^= 0x02;
        parts[part] = System.Buffers.Text.Base64Url.EncodeToString(bytes);

        var code = Run(["verify", Write("cert.jws", string.Join('.', parts)), "--jwks", _jwks, "--recording", _recording], out var output);

        Assert.Equal(VerifyCommand.Failed, code);
        Assert.Contains("signature: INVALID", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnmaskedRecordingWithAMatchingDigest_FailsOnTheDetector()
    {
        // A certificate over unmasked audio (a masking failure it would attest to): the detector still catches it.
        var unmasked = Signals.Encode(Signals.Concat(Signals.Key('7', lead: 300), Signals.Silence(200)), G711Law.MuLaw);
        var certificate = Write("cert.jws", Sign(Payload(unmasked)));

        var code = Run(["verify", certificate, "--jwks", _jwks, "--recording", Write("raw.pcmu", unmasked)], out var output);

        Assert.Equal(VerifyCommand.Failed, code);
        Assert.Contains("detector: FOUND 1 key tone", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MuLawWav_ChecksTheDataChunksDigest()
    {
        var wav = Path.Combine(_directory.FullName, "call.wav");
        using (var stream = File.Create(wav))
        {
            WavHeader.Write(stream, WavEncoding.MuLaw, _masked.Length);
            stream.Write(_masked);
        }

        var code = Run(["verify", Write("cert.jws", Sign(Payload(_masked))), "--jwks", _jwks, "--recording", wav], out var output);

        Assert.True(code == 0, output);
    }

    [Fact]
    public void Verify_NoKeysGiven_IsAUsageError()
    {
        Assert.Equal(CommandLine.BadInput, Run(["verify", Write("cert.jws", Sign(Payload(_masked)))], out _));
    }

    private static byte[] Masked(byte[] codes)
    {
        var channel = new MaskingChannel(new MaskingOptions());
        var output = new byte[codes.Length];
        for (var offset = 0; offset < codes.Length; offset += 160)
        {
            var n = Math.Min(160, codes.Length - offset);
            channel.ProcessFrame(codes.AsSpan(offset, n), output.AsSpan(offset, n), G711Law.MuLaw);
        }

        return output;
    }

    private static byte[] Payload(byte[] recorded) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["callId"] = "call_v", ["tenantId"] = "tenant-a", ["region"] = "uk", ["codec"] = "PCMU", ["final"] = true,
        ["keyPressesMasked"] = 2, ["leaks"] = 0, ["verified"] = true, ["worstOnsetMs"] = 0,
        ["legs"] = new JsonArray(
            new JsonObject { ["leg"] = "forward", ["bytes"] = 0, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData([])) },
            new JsonObject { ["leg"] = "record", ["bytes"] = recorded.Length, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(recorded)) }),
    }.ToJsonString());

    private string Sign(byte[] payload) => Es256Jws.Sign(payload, EcJsonWebKey.Thumbprint(_key), _key);

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static int Run(string[] args, out string output)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        output = stdout + stderr.ToString();
        return code;
    }
}
