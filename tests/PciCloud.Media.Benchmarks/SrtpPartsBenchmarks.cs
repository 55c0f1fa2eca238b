using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using PciCloud.Media.Srtp;

namespace PciCloud.Media.Benchmarks;

/// <summary>Where an SRTP packet's time goes: the AES-CM keystream for 160 bytes, and HMAC-SHA1 over 176 + 4 bytes.</summary>
[MemoryDiagnoser]
public class SrtpPartsBenchmarks
{
    private readonly byte[] _data = new byte[180];
    private readonly byte[] _iv = new byte[16];
    private readonly byte[] _key = new byte[20];
    private readonly byte[] _mac = new byte[20];
    private AesCounterMode _aes = null!;
    private IncrementalHash _hmac = null!;

    [GlobalSetup]
    public void Setup()
    {
        _aes = new AesCounterMode(new byte[16]);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, _key);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _aes.Dispose();
        _hmac.Dispose();
    }

    [Benchmark]
    public byte Keystream160()
    {
        _aes.Apply(_iv, _data.AsSpan(12, 160));
        return _data[12];
    }

    [Benchmark]
    public int HmacIncremental()
    {
        _hmac.AppendData(_data.AsSpan(0, 176));
        _hmac.AppendData(_data.AsSpan(176, 4));
        return _hmac.GetHashAndReset(_mac);
    }

    [Benchmark]
    public int HmacOneShot() => HMACSHA1.HashData(_key, _data, _mac);

    [Benchmark]
    public int Sha1OneShot() => SHA1.HashData(_data, _mac);
}
