using System.Globalization;

namespace OfficeBot.Web.Hosting;

/// <summary>
/// Where to listen. ASP.NET Core's own settings come first (<c>ASPNETCORE_URLS</c>, <c>--urls</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>); a platform that says it only with <c>PORT</c> (App Service's
/// Linux front end forwards to it, as do Container Apps and most container hosts) is obeyed when none of those is given.
/// Nothing in the repository pins an address: locally <c>launchSettings.json</c> gives http://localhost:3978.
/// </summary>
public static class ListenSetup
{
    public static WebApplicationBuilder AddOfficeListening(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var port = configuration["PORT"];
        if (string.IsNullOrWhiteSpace(port) || HasOwnAddresses(configuration))
        {
            return builder;
        }

        if (!int.TryParse(port.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            var shown = port.Length > 16 ? port[..16] + "…" : port;
            throw new InvalidOperationException(
                $"PORT is \"{shown}\", which is not a TCP port: give a number from 1 to 65535, or say where to listen with ASPNETCORE_URLS instead.");
        }

        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://+:{number}"));
        return builder;
    }

    private static bool HasOwnAddresses(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
