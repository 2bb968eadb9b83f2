using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OfficeBot.Application.Outbox;
using OfficeBot.Storage;

namespace OfficeBot.Web.Hosting;

/// <summary>
/// <c>/healthz</c>: the process is alive (no dependency asked, so a slow store does not get a live instance restarted).
/// <c>/readyz</c>: the instance can serve — the store answers a read. Configuration is checked before the host starts at
/// all (every options class validates on start), so an instance that runs has a valid one. App Service's health check
/// and load balancers use readiness.
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddOfficeHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<StoreReadiness>("store", tags: [Ready]);
        return builder;
    }

    public static WebApplication MapOfficeHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }

    /// <summary>One small read of the store (the outbox's tenant table, created at start-up), with a time limit of its own.</summary>
    private sealed class StoreReadiness(ITableStore store) : IHealthCheck
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Limit);
            try
            {
                await store.GetAsync(OutboxStore.WakeTable, "readiness", "probe", timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The reason goes to the log through the health check service, not to the caller.
                return HealthCheckResult.Unhealthy("The store did not answer.", e);
            }
        }
    }
}
