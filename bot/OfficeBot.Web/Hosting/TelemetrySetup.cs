using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OfficeBot.Web.Hosting;

public static class TelemetrySetup
{
    /// <summary>Traces and metrics through OpenTelemetry; exported over OTLP only when an endpoint is configured.</summary>
    public static IHostApplicationBuilder AddOfficeTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter()).WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        return builder;
    }
}
