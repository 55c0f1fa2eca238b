using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PciCloud.Region.Tests.Secrets;

/// <summary>
/// A loopback HTTPS server speaking the Key Vault secrets REST subset SecretClient uses: the
/// Bearer challenge, GET and PUT of /secrets/{name}, and 404 SecretNotFound; and the certificates
/// subset (LocalKeyVault.Certificates.cs).
/// </summary>
internal sealed partial class LocalKeyVault : IAsyncDisposable
{
    public const string Token = "local-vault-token";
    private readonly ConcurrentDictionary<string, (string Value, int Version)> _secrets = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private int _reads;

    private LocalKeyVault(WebApplication app, X509Certificate2 certificate, Uri uri)
    {
        _app = app;
        Certificate = certificate;
        Uri = uri;
    }

    public X509Certificate2 Certificate { get; }

    public Uri Uri { get; }

    /// <summary>Authorized GETs answered, so a test can tell a cache hit from a vault read.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public static async Task<LocalKeyVault> StartAsync(CancellationToken cancellationToken)
    {
        var certificate = CreateCertificate();
        var port = Infrastructure.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var vault = new LocalKeyVault(app, certificate, new Uri($"https://127.0.0.1:{port}/"));
        app.Run(vault.HandleAsync);
        await app.StartAsync(cancellationToken);
        return vault;
    }

    /// <summary>Changes a secret behind the store's back, as an operator rotating it would.</summary>
    public void Rotate(string name, string value) =>
        _secrets.AddOrUpdate(name, (value, 1), (_, old) => (value, old.Version + 1));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate =
                "Bearer authorization=\"https://login.microsoftonline.com/local-tenant\", resource=\"https://vault.azure.net\"";
            return;
        }

        var segments = request.Path.Value!.Trim('/').Split('/');
        if (HttpMethods.IsGet(request.Method) && TryCertificates(segments, out var status, out var answer))
        {
            await WriteAsync(context, status, answer);
            return;
        }

        if (segments.Length < 2 || segments[0] != "secrets")
        {
            await WriteAsync(context, 400, Error("BadParameter", "unsupported path"));
            return;
        }

        var name = segments[1];
        if (HttpMethods.IsPut(request.Method))
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
            Rotate(name, body!["value"]!.GetValue<string>());
        }
        else if (HttpMethods.IsGet(request.Method))
        {
            Interlocked.Increment(ref _reads);
        }

        if (!_secrets.TryGetValue(name, out var secret))
        {
            await WriteAsync(context, 404, Error("SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault."));
            return;
        }

        await WriteAsync(context, 200, new JsonObject
        {
            ["value"] = secret.Value,
            ["id"] = $"{Uri}secrets/{name}/v{secret.Version}",
            ["attributes"] = new JsonObject { ["enabled"] = true },
        });
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(JsonSerializerOptions.Default), context.RequestAborted);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Round-trip through PKCS#12 so Kestrel gets a certificate whose private key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}
