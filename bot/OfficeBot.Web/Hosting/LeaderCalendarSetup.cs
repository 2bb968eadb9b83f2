using System.Net;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Meetings.Calendars;

namespace OfficeBot.Web.Hosting;

public static class LeaderCalendarSetup
{
    /// <summary>
    /// Leaders' iCalendar feeds from <c>Office:LeaderCalendars</c> and, when <c>Office:Graph:Enabled</c>, their Outlook
    /// calendars through Microsoft Graph, combined per leader; both checked at start-up (every bad key named). An office
    /// without feeds or mailboxes starts as before: nothing is read until a meeting is checked, and then the leader is
    /// "unavailable". Approved meetings are written to Outlook only with <c>Office:Graph:WriteApprovedMeetings</c>.
    /// </summary>
    public static IHostApplicationBuilder AddLeaderCalendars(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LeaderCalendarOptions>()
            .Bind(builder.Configuration.GetSection(LeaderCalendarOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LeaderCalendarOptions>, LeaderCalendarValidation>();
        builder.Services.AddSingleton(services =>
        {
            // One long-lived client for a singleton reader: pooled connections are renewed so DNS changes are seen, and
            // redirects are left to the reader, which follows them only on the feed's own host.
            var http = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            });
            return new IcsFeedReader(http, services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<IOptions<LeaderCalendarOptions>>(),
                services.GetRequiredService<IHostEnvironment>().ContentRootPath,
                services.GetRequiredService<ILogger<IcsFeedReader>>());
        });
        builder.Services.AddSingleton(services => new IcsLeaderCalendarSource(
            services.GetRequiredService<IcsFeedReader>(),
            services.GetRequiredService<IOptions<LeaderCalendarOptions>>(),
            services.GetRequiredService<OfficeBot.Application.Office.OfficeTime>().Zone,
            services.GetRequiredService<TimeProvider>()));

        builder.Services.AddOptions<GraphOptions>()
            .Bind(builder.Configuration.GetSection(GraphOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GraphOptions>, GraphValidation>();
        // Built only when asked for, which is only when Office:Graph:Enabled: an office without Graph never makes a credential.
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<GraphOptions>>().Value;
            return GraphClients.Create(options, GraphClients.Credential(options));
        });
        builder.Services.AddSingleton(services => new GraphLeaderCalendarSource(
            services.GetRequiredService<Microsoft.Graph.GraphServiceClient>(),
            services.GetRequiredService<IOptions<GraphOptions>>(),
            services.GetRequiredService<OfficeBot.Application.Office.OfficeTime>().Zone,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<GraphLeaderCalendarSource>>()));
        builder.Services.AddSingleton<ILeaderCalendarSource>(services => new CombinedLeaderCalendarSource(
            services.GetRequiredService<IOptions<GraphOptions>>().Value.Enabled
                ? [services.GetRequiredService<IcsLeaderCalendarSource>(), services.GetRequiredService<GraphLeaderCalendarSource>()]
                : [services.GetRequiredService<IcsLeaderCalendarSource>()],
            services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ILeaderCalendarWriter>(services =>
            services.GetRequiredService<IOptions<GraphOptions>>().Value is { Enabled: true, WriteApprovedMeetings: true }
                ? ActivatorUtilities.CreateInstance<GraphCalendarWriter>(services)
                : new NoCalendarWriter());

        return builder;
    }

    private sealed class GraphValidation(IOptions<OfficeOptions> office) : IValidateOptions<GraphOptions>
    {
        public ValidateOptionsResult Validate(string? name, GraphOptions options)
        {
            var problems = options.Problems(office.Value.Leaders);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    private sealed class LeaderCalendarValidation(IHostEnvironment environment, IOptions<OfficeOptions> office) : IValidateOptions<LeaderCalendarOptions>
    {
        public ValidateOptionsResult Validate(string? name, LeaderCalendarOptions options)
        {
            var problems = options.Problems(environment.ContentRootPath, office.Value.Leaders);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
