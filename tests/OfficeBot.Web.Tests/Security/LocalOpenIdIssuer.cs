using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OfficeBot.Testing;

namespace OfficeBot.Web.Tests.Security;

/// <summary>
/// A stand-in for the Bot Framework's token service, offline: an OpenID metadata document and a JWKS (with Teams'
/// <c>endorsements</c>) served over https on loopback, and tokens signed with its RSA key. The SDK fetches metadata
/// only over https with the process's trusted roots, so the certificate is offered as a CA bundle
/// (<see cref="CertificateBundlePath"/>) for the bot's process to trust through <c>SSL_CERT_FILE</c>.
/// </summary>
public sealed class LocalOpenIdIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.test";
    private const string KeyId = "officebot-test-key";

    private readonly WebApplication _app;
    private readonly RSA _key;
    private readonly string _folder;

    private LocalOpenIdIssuer(WebApplication app, RSA key, string metadataUrl, string folder, string bundle)
    {
        _app = app;
        _key = key;
        MetadataUrl = metadataUrl;
        _folder = folder;
        CertificateBundlePath = bundle;
    }

    public string MetadataUrl { get; }

    public string CertificateBundlePath { get; }

    public static async Task<LocalOpenIdIssuer> StartAsync()
    {
        var key = RSA.Create(2048);
        using var tlsKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", tlsKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);

        var folder = Path.Combine(Path.GetTempPath(), "officebot-openid-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var bundle = Path.Combine(folder, "ca-bundle.pem");
        var systemRoots = File.Exists("/etc/ssl/certs/ca-certificates.crt") ? await File.ReadAllTextAsync("/etc/ssl/certs/ca-certificates.crt") : string.Empty;
        await File.WriteAllTextAsync(bundle, systemRoots + "\n" + certificate.ExportCertificatePem() + "\n");

        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var baseUrl = $"https://127.0.0.1:{port}";
        var parameters = key.ExportParameters(false);
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{baseUrl}/authorize",
            ["jwks_uri"] = $"{baseUrl}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
                    ["endorsements"] = new[] { "msteams" },
                },
            },
        }));
        await app.StartAsync();
        return new LocalOpenIdIssuer(app, key, $"{baseUrl}/v1/.well-known/openidconfiguration", folder, bundle);
    }

    /// <summary>A token as the Bot Framework issues one to a bot for a channel's request; each part can be made wrong.</summary>
    public string Token(string audience, string serviceUrl, string issuer = Issuer, TimeSpan? expiresIn = null, RSA? signWith = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var credentials = new SigningCredentials(new RsaSecurityKey(signWith ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
        var token = new JwtSecurityToken(
            issuer,
            audience,
            [new Claim("serviceurl", serviceUrl)],
            notBefore: expires < now ? expires - TimeSpan.FromHours(1) : now - TimeSpan.FromMinutes(1),
            expires: expires,
            signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
