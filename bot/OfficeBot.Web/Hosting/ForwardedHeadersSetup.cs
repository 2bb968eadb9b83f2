using Microsoft.AspNetCore.HttpOverrides;

namespace OfficeBot.Web.Hosting;

/// <summary>
/// On App Service the app is reached through its TLS front end, which talks plain HTTP to the app and says who the client
/// was and which scheme it used in X-Forwarded-For and X-Forwarded-Proto. Those headers are honoured only on App Service
/// (<c>WEBSITE_SITE_NAME</c> is set there) or when <c>ForwardedHeaders:Enabled</c> is true (another proxy in front); anywhere
/// else they are ignored, so a client cannot claim another address or scheme by sending them itself.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IHostApplicationBuilder AddOfficeForwardedHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            if (!IsEnabled(configuration))
            {
                return;
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // By default only loopback is trusted as a proxy. App Service's front end reaches the app from addresses that
            // are not fixed nor published, so no address could be listed; the app is not reachable but through the
            // front end there, which sets these headers itself.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseOfficeForwardedHeaders(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["WEBSITE_SITE_NAME"]) || configuration.GetValue<bool>("ForwardedHeaders:Enabled");
}
