using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OfficeBot.Web.Hosting;

public static class TelemetrySetup
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Traces and metrics through OpenTelemetry. To Application Insights (Azure Monitor distro: requests, dependencies, logs,
    /// metrics) when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, as infra/azure sets it; over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; nowhere otherwise. Spans carry the tenant and the matter or meeting number
    /// (<see cref="Tag"/>), never what people wrote.
    /// </summary>
    public static IHostApplicationBuilder AddOfficeTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry();
        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            // The distro adds the ASP.NET Core and HttpClient instrumentation itself.
            telemetry.UseAzureMonitor(options => options.ConnectionString = connectionString);
        }
        else
        {
            telemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter()).WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>
    /// Names the tenant, matter and meeting of the turn on the current span (the request's), so a trace can be found by them.
    /// Only identifiers: no message text, card input or name goes on a span.
    /// </summary>
    public static void Tag(string? tenantId, int? matterNumber = null, int? meetingNumber = null)
    {
        if (Activity.Current is not { } span)
        {
            return;
        }

        if (!string.IsNullOrEmpty(tenantId))
        {
            span.SetTag("officebot.tenant", tenantId);
        }

        if (matterNumber is { } matter)
        {
            span.SetTag("officebot.matter", matter);
        }

        if (meetingNumber is { } meeting)
        {
            span.SetTag("officebot.meeting", meeting);
        }
    }
}
