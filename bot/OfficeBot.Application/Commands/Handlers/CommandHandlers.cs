using Microsoft.Extensions.Logging;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Office;
using OfficeBot.Application.Presentation;
using OfficeBot.Application.Reports;

namespace OfficeBot.Application.Commands.Handlers;

/// <summary>Every command's handler, once: the host and the tests build the same set.</summary>
public static class CommandHandlers
{
    public static IReadOnlyList<ICommandHandler> Create(MatterService matters, MatterPresenter presenter, MatterCards cards, OfficeTime time, ReportService reports,
        ILoggerFactory loggers)
    {
        var replies = new CommandReplies(cards, matters);
        return
        [
            new NewMatterHandler(matters, replies, time, loggers.CreateLogger<NewMatterHandler>()),
            new ListMattersHandler(matters, presenter),
            new ShowMatterHandler(matters, replies),
            new AcknowledgeHandler(replies, time),
            new ProgressHandler(replies, time),
            new AskCompletionHandler(replies, time),
            new UrgeHandler(replies, time),
            new ExtendHandler(replies, time),
            new TransferHandler(replies, time),
            new HolidaysHandler(time),
            new ReportHandler(reports),
            new HelpHandler(),
        ];
    }

    /// <summary>The meeting commands' handlers (會議, 查看會議, 日程).</summary>
    public static IReadOnlyList<ICommandHandler> ForMeetings(Meetings.MeetingService meetings, Meetings.MeetingPresenter presenter, Meetings.MeetingChecks checks,
        Departments departments, OfficeTime time, Microsoft.Extensions.Options.IOptionsMonitor<Configuration.OfficeOptions> office, ILoggerFactory loggers) =>
    [
        new MeetingRequestHandler(meetings, presenter, departments, office, loggers.CreateLogger<MeetingRequestHandler>()),
        new ShowMeetingHandler(meetings, presenter),
        new AgendaHandler(checks, time, office),
    ];
}
