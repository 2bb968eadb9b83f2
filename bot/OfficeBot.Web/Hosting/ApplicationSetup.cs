using Microsoft.Extensions.Options;
using OfficeBot.Application.CardActions;
using OfficeBot.Application.Commands;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Conversations;
using OfficeBot.Application.FollowUp;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Meetings;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Commands;
using OfficeBot.Domain.Calendar;

namespace OfficeBot.Web.Hosting;

public static partial class ApplicationSetup
{
    public static IHostApplicationBuilder AddOfficeApplication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OfficeOptions>()
            .Bind(builder.Configuration.GetSection(OfficeOptions.Section))
            .ValidateDataAnnotations()
            .Validate(options => !options.Validate(new(options)).Any(), "Office options are invalid (see the validation messages).")
            .ValidateOnStart();

        builder.AddOfficeCalendar();
        builder.AddLeaderCalendars();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new OfficeTime(services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<OfficeOptions>>(), services.GetRequiredService<WorkingCalendar>()));
        builder.Services.AddSingleton<RoleDirectory>();
        builder.Services.AddSingleton<Departments>();
        builder.Services.AddSingleton(new CommandParser(new CommandParserOptions { MeetingRequests = true }));
        builder.Services.AddSingleton<MatterRepository>();
        builder.Services.AddSingleton<MatterService>();
        builder.Services.AddSingleton<MatterPresenter>();
        builder.Services.AddSingleton<OfficeBot.Application.Reports.ReportService>();
        builder.Services.AddSingleton<IEnumerable<OfficeBot.Application.Commands.Handlers.ICommandHandler>>(services => OfficeBot.Application.Commands.Handlers.CommandHandlers.Create(
            services.GetRequiredService<MatterService>(), services.GetRequiredService<MatterPresenter>(), services.GetRequiredService<MatterCards>(),
            services.GetRequiredService<OfficeTime>(), services.GetRequiredService<OfficeBot.Application.Reports.ReportService>(), services.GetRequiredService<ILoggerFactory>())
            .Concat(OfficeBot.Application.Commands.Handlers.CommandHandlers.ForMeetings(services.GetRequiredService<MeetingService>(), services.GetRequiredService<MeetingPresenter>(),
                services.GetRequiredService<MeetingChecks>(), services.GetRequiredService<Departments>(), services.GetRequiredService<OfficeTime>(),
                services.GetRequiredService<IOptionsMonitor<OfficeOptions>>(), services.GetRequiredService<ILoggerFactory>())).ToList());
        builder.Services.AddSingleton<MeetingRepository>();
        builder.Services.AddSingleton<MeetingChecks>();
        builder.Services.AddSingleton<MeetingService>();
        builder.Services.AddSingleton<MeetingPresenter>();
        builder.Services.AddSingleton<MeetingActionDispatcher>();
        builder.Services.AddSingleton<MeetingCalendarWrites>();
        builder.Services.AddSingleton<IOutboxHandler, MeetingFollowUp>();
        builder.Services.AddSingleton<IOutboxHandler, MeetingSync>();
        builder.Services.AddSingleton<MeetingSyncSchedule>();
        builder.Services.AddSingleton<IRecurringOutboxWork>(services => services.GetRequiredService<MeetingSyncSchedule>());
        builder.Services.AddSingleton<CommandDispatcher>();
        builder.Services.AddSingleton<ConversationStore>();
        builder.Services.AddSingleton<PeopleStore>();
        builder.Services.AddSingleton<SentCardStore>();
        builder.Services.AddSingleton<PersonalDelivery>();
        builder.Services.AddSingleton<CardContexts>();
        builder.Services.AddSingleton<MatterCards>();
        builder.Services.AddSingleton<CardActionDispatcher>();
        builder.Services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddSingleton<MatterFollowUp>();
        builder.Services.AddSingleton<IOutboxHandler>(services => services.GetRequiredService<MatterFollowUp>());
        builder.Services.AddSingleton<IOutboxHandler, OfficeBot.Application.Reminders.MatterReminders>();
        builder.Services.AddSingleton<OfficeBot.Application.Reminders.ReminderDigests>();
        builder.Services.AddSingleton<IOutboxHandler, OfficeBot.Application.Reminders.ReminderDigestSender>();
        builder.Services.AddSingleton<OfficeBot.Application.Reports.ReportSchedule>();
        builder.Services.AddSingleton<IRecurringOutboxWork>(services => services.GetRequiredService<OfficeBot.Application.Reports.ReportSchedule>());
        builder.Services.AddSingleton<IOutboxHandler, OfficeBot.Application.Reports.MorningReport>();
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.AddHostedService<ParserWarmup>();
        builder.Services.AddHostedService<UnlistedHeadWarning>();
        return builder;
    }

    /// <summary>Sends what the outbox holds (notifications, in-place updates) for as long as the host runs.</summary>
    private sealed class OutboxWorker(OutboxDispatcher dispatcher) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
    }

    /// <summary>
    /// A department head whom the configuration names nowhere else may be a mistyped id: said at start-up, naming the
    /// department and the head (the directors are told too, with the morning report, until the bot has met the head).
    /// </summary>
    private sealed partial class UnlistedHeadWarning(IOptions<OfficeOptions> office, ILogger<UnlistedHeadWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var (index, department, head) in DepartmentOptions.UnlistedHeads(office.Value))
            {
                LogUnlistedHead(logger, index, department, head);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Office:Departments:{Index}:Head '{Head}' of '{Department}' is not among its members, nor a director or leader; if the id is mistyped, escalations to the head of '{Department}' reach nobody")]
        private static partial void LogUnlistedHead(ILogger logger, int index, string department, string head);
    }

    /// <summary>The date recognisers take most of a second to build; build them in the background so the first user does not wait.</summary>
    private sealed partial class ParserWarmup(CommandParser parser, ILogger<ParserWarmup> logger) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
        {
            var started = TimeProvider.System.GetTimestamp();
            parser.Warmup();
            LogWarm(logger, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }, stoppingToken);

        [LoggerMessage(Level = LogLevel.Information, Message = "Command parser warmed up in {ElapsedMs:F0} ms")]
        private static partial void LogWarm(ILogger logger, double elapsedMs);
    }
}
