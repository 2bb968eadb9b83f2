using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using static OfficeBot.Web.Tests.BotHost;

namespace OfficeBot.Web.Tests;

/// <summary>Application Insights when its connection string is set (as infra/azure sets it); spans name tenant and matter, never what was written.</summary>
public sealed class TelemetryTests
{
    /// <summary>Syntactically valid, pointing nowhere: nothing leaves the machine.</summary>
    private const string FakeConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    [Fact]
    public async Task WithConnectionString_AzureMonitorIsRegistered_AndTheHostServes()
    {
        IServiceCollection? registered = null;
        var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = FakeConnectionString },
            services: collection => registered = collection);
        try
        {
            Assert.NotNull(bot.Services.GetService<TracerProvider>());
            Assert.Contains(registered!, FromAzureMonitor);
            Assert.Equal("Healthy", await (await bot.GetAsync("/readyz")).Content.ReadAsStringAsync());
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task WithoutConnectionString_NoAzureMonitor()
    {
        IServiceCollection? registered = null;
        var bot = await BotHost.StartAsync(services: collection => registered = collection);
        try
        {
            Assert.DoesNotContain(registered!, FromAzureMonitor);
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task RequestSpan_CarriesTenantAndMatter_NeverTheMessageText()
    {
        var secret = $"機密內容{Guid.NewGuid():N}";
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var bot = await BotHost.StartAsync();
        try
        {
            var reply = await bot.AskAsync(Mei, $"新事項 {secret}");
            Assert.Contains(secret, reply.CardText);

            var ours = spans.Where(s => s.GetTagItem("officebot.matter") is not null && (string?)s.GetTagItem("officebot.tenant") == TenantA).ToList();
            Assert.NotEmpty(ours);
            Assert.DoesNotContain(spans, s => s.TagObjects.Any(t => t.Value?.ToString()?.Contains(secret, StringComparison.Ordinal) == true)
                || s.DisplayName.Contains(secret, StringComparison.Ordinal));
        }
        finally
        {
            await bot.DisposeAllAsync();
        }
    }

    /// <summary>A registration of the Azure Monitor distro or exporter (its own types, or options of them).</summary>
    private static bool FromAzureMonitor(ServiceDescriptor descriptor) =>
        new[] { descriptor.ServiceType, descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType }.Any(IsAzureMonitor);

    private static bool IsAzureMonitor(Type? type) =>
        type is not null && (type.Assembly.GetName().Name?.StartsWith("Azure.Monitor.OpenTelemetry", StringComparison.Ordinal) == true
            || (type.IsGenericType && type.GetGenericArguments().Any(IsAzureMonitor)));
}
