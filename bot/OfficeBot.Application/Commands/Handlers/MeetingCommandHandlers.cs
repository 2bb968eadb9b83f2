using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Meetings;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Commands;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;
using static OfficeBot.Application.Commands.Handlers.CommandReplies;

namespace OfficeBot.Application.Commands.Handlers;

/// <summary>會議: asks for a meeting with leaders; the card shows every conflict found and goes to the directors.</summary>
public sealed partial class MeetingRequestHandler(MeetingService meetings, MeetingPresenter presenter, Departments departments, IOptionsMonitor<OfficeOptions> office,
    ILogger<MeetingRequestHandler> logger) : CommandHandler<MeetingRequestCommand>
{
    protected override async Task<Reply> HandleAsync(MeetingRequestCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var say = new MeetingMessages(turn.Language);
        var settings = office.CurrentValue;
        var leaders = new List<Person>();
        foreach (var mention in command.Leaders)
        {
            var person = await turn.Members.ResolveAsync(mention, cancellationToken);
            if (person is null)
            {
                return Error(turn, turn.Say.PersonNotInConversation(mention.DisplayName), CommandVerb.Meeting);
            }

            // Kept in the configuration's spelling of the id, which the calendar sources and the rules are keyed by.
            if (settings.Leaders.FirstOrDefault(l => person.Is(l.Trim())) is not { } configured)
            {
                return Error(turn, say.NotALeader(person.DisplayName), CommandVerb.Meeting);
            }

            leaders.Add(new Person(configured.Trim(), person.DisplayName));
        }

        string? room = null;
        if (command.Room is { } asked && (room = settings.Meetings.Room(asked)) is null)
        {
            return Error(turn, say.UnknownRoom(asked, settings.Meetings.Rooms), CommandVerb.Meeting);
        }

        string? department;
        if (command.Department is { } named)
        {
            department = departments.Current.Named(named.Trim())?.Name;
            if (department is null)
            {
                return Error(turn, say.UnknownDepartment(named, departments.Current.All.Select(d => d.Name)), CommandVerb.Meeting);
            }
        }
        else
        {
            department = departments.Of(turn.Actor.Person.ObjectId)?.Name;
        }

        var origin = turn.RequestKey?.Split('|')[0];
        var data = new MeetingRequestData(command.Title, command.TimeRange.Start, command.TimeRange.End, leaders, room, command.Urgent, department, origin);
        var (meeting, refusal) = await meetings.RequestAsync(turn.TenantId, data, turn.Actor, turn.RequestKey, cancellationToken);
        if (meeting is null)
        {
            return Error(turn, say.Refused(refusal!.Value), CommandVerb.Meeting);
        }

        LogRequested(turn.TenantId, meeting.Number, meeting.State.Conflicts.Count);
        var notice = say.Requested(meeting.Number, meeting.State.Conflicts.Count);
        var tone = meeting.State.Conflicts.Count == 0 ? NoticeTone.Good : NoticeTone.Attention;
        var reply = turn.SharedChat
            ? await presenter.ForSharedChatAsync(meeting, turn.Language, notice, cancellationToken, tone)
            : await presenter.ForViewerAsync(meeting, turn.Actor, turn.Language, notice, cancellationToken, tone);
        return reply with { Committed = say.RequestedButNotShown(meeting.Number) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting requested: {TenantId}#M{MeetingNumber} with {Conflicts} conflict(s)")]
    private partial void LogRequested(string tenantId, int meetingNumber, int conflicts);
}

/// <summary>查看會議 M3: the meeting request's card, if the person may see it.</summary>
public sealed class ShowMeetingHandler(MeetingService meetings, MeetingPresenter presenter) : CommandHandler<ShowMeetingCommand>
{
    protected override async Task<Reply> HandleAsync(ShowMeetingCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var meeting = await meetings.FindVisibleAsync(turn.TenantId, command.Number, turn.Actor, cancellationToken);
        if (meeting is null)
        {
            return Error(turn, new MeetingMessages(turn.Language).UnknownMeeting(command.Number), CommandVerb.ShowMeeting);
        }

        return turn.SharedChat
            ? await presenter.ForSharedChatAsync(meeting, turn.Language, null, cancellationToken)
            : await presenter.ForViewerAsync(meeting, turn.Actor, turn.Language, null, cancellationToken);
    }
}

/// <summary>
/// 日程 @領導: the leader's day or week from every source, OfficeBot's approved meetings and pending requests, conflicts
/// marked. Directors and the leader see titles; anyone else sees when the leader is busy, and the titles of their own requests.
/// </summary>
public sealed class AgendaHandler(MeetingChecks checks, OfficeTime time, IOptionsMonitor<OfficeOptions> office) : CommandHandler<AgendaCommand>
{
    protected override async Task<Reply> HandleAsync(AgendaCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var say = new MeetingMessages(turn.Language);
        var person = await turn.Members.ResolveAsync(command.Leader, cancellationToken);
        if (person is null)
        {
            return Error(turn, turn.Say.PersonNotInConversation(command.Leader.DisplayName), CommandVerb.Agenda);
        }

        if (office.CurrentValue.Leaders.FirstOrDefault(l => person.Is(l.Trim())) is not { } leaderId)
        {
            return Error(turn, say.NotALeader(person.DisplayName), CommandVerb.Agenda);
        }

        leaderId = leaderId.Trim();
        var first = command.Day ?? DateOnly.FromDateTime(time.LocalNow.DateTime);
        var last = command.Week ? first.AddDays(6) : first;
        var from = Midnight(first);
        var to = Midnight(last.AddDays(1));
        var read = await checks.ReadAsync(turn.TenantId, [leaderId], from, to, cancellationToken);
        var seesTitles = turn.Actor.IsDirector || person.Is(turn.Actor.Person);

        var items = new List<AgendaItem>();
        if (read.Leaders.TryGetValue(leaderId, out var calendar))
        {
            items.AddRange(calendar.Busy.Select(b => new AgendaItem(time.ToLocal(b.Start), time.ToLocal(b.End), seesTitles && !b.Private ? b.Title : null, AgendaItemKind.Calendar,
                AllDay: b.AllDay)));
        }

        foreach (var meeting in read.Meetings.Where(m => m.Leaders.Any(l => l.Is(leaderId))))
        {
            var own = seesTitles || meeting.Requester.Is(turn.Actor.Person);
            items.Add(new AgendaItem(time.ToLocal(meeting.Start), time.ToLocal(meeting.End), own ? meeting.Title : null,
                meeting.Status == MeetingStatus.Approved ? AgendaItemKind.Approved : AgendaItemKind.Pending, own ? meeting.Number : null, Department: meeting.Department));
        }

        // A block that overlaps another (an all-day event aside) is a conflict to look at.
        items = items.OrderBy(i => i.Start).ThenBy(i => i.End).ToList();
        var marked = items.Select(i => i with
        {
            Conflict = !i.AllDay && items.Any(o => !ReferenceEquals(o, i) && !o.AllDay && o.Start < i.End && i.Start < o.End),
        }).ToList();

        var view = new AgendaView
        {
            Leader = new PersonView(leaderId, person.DisplayName),
            From = first,
            To = last,
            Items = marked,
            WorkingDays = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).Where(time.Calendar.IsWorkingDay).ToList(),
            WorkStart = time.Calendar.WorkStart,
            WorkEnd = time.Calendar.WorkEnd,
            Unavailable = calendar is { IsAvailable: false } ? [calendar.Problem ?? string.Empty] : [],
        };
        var heading = $"{person.DisplayName} {first:yyyy-MM-dd}{(command.Week ? $"–{last:MM-dd}" : string.Empty)}";
        return new Reply($"{heading} ({marked.Count})", AgendaCard.Build(view, turn.Language));
    }

    private DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, time.Zone.GetUtcOffset(local));
    }
}
