using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.People;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Meetings;

/// <summary>
/// A meeting request's card as one person sees it — their buttons, a refresh that gives everyone concerned their own
/// view — or the neutral card of a shared chat; the same for replies, notifications and updates in place.
/// </summary>
public sealed class MeetingPresenter(MeetingService meetings, PeopleStore people, CardContexts contexts, OfficeTime time, IOptionsMonitor<OfficeOptions> office)
{
    public const int HistoryLinesOnCard = 5;

    public MeetingView View(MeetingState state, IReadOnlyList<MeetingHistoryEntry> history, Language language)
    {
        var say = new MeetingMessages(language);
        string NameOf(string? id) => id is null ? string.Empty : state.Leaders.FirstOrDefault(l => l.Is(id))?.DisplayName ?? id;
        MeetingConflictView Conflict(MeetingConflict c) => new(c.Kind, time.ToLocal(c.Start), time.ToLocal(c.End), c.Leader is null ? null : NameOf(c.Leader), c.Room, c.What,
            c.OtherMeeting, c.Department, c.OtherDepartment, c.Overload, c.Problem);
        static PersonView Person(Person p) => new(p.ObjectId, p.DisplayName);

        return new MeetingView
        {
            Number = state.Number,
            Title = state.Title,
            Start = time.ToLocal(state.Start),
            End = time.ToLocal(state.End),
            Leaders = state.Leaders.Select(Person).ToList(),
            Room = state.Room,
            Requester = Person(state.Requester),
            Department = state.Department,
            Status = state.Status,
            Revision = state.Revision,
            Urgent = state.Urgent,
            UrgentConfirmedBy = state.UrgentConfirmedBy is { } confirmed ? Person(confirmed) : null,
            Conflicts = state.Conflicts.Select(Conflict).ToList(),
            CheckedAt = state.CheckedAt is { } at ? time.ToLocal(at) : null,
            Alternatives = state.Alternatives.Select(s => new Slot(time.ToLocal(s.Start), time.ToLocal(s.End))).ToList(),
            NewConflicts = state.NewConflicts,
            Resolved = state.Resolved.Select(Conflict).ToList(),
            DecidedBy = state.DecidedBy is { } decided ? Person(decided) : null,
            DecidedAt = state.DecidedAt is { } when ? time.ToLocal(when) : null,
            Reason = state.Reason,
            Overridden = state.Overridden.Select(Conflict).ToList(),
            DecisionMatters = state.DecisionMatters,
            RecentHistory = history.Select(e => new HistoryLineView(time.ToLocal(e.At), e.Actor.DisplayName, say.History(e, time.Zone))).ToList(),
        };
    }

    /// <summary>The card for <paramref name="viewer"/>, with their buttons and a notice at the top.</summary>
    public async Task<Reply> ForViewerAsync(Meeting meeting, Actor viewer, Language language, string? notice, CancellationToken cancellationToken,
        NoticeTone tone = NoticeTone.Attention, string? summary = null)
    {
        var context = new MeetingCardContext(meeting.IsVisibleTo(viewer) ? meeting.AvailableActions(viewer) : new HashSet<MeetingAction>(),
            await RefreshUsersAsync(meeting.State, cancellationToken), notice)
        {
            Tone = tone,
            ViewerObjectId = viewer.Person.ObjectId,
            Candidates = meeting.AvailableActions(viewer).Contains(MeetingAction.RegisterDecision)
                ? (await people.AllAsync(meeting.State.TenantId, cancellationToken)).Select(p => new PersonView(p.ObjectId, p.DisplayName)).ToList()
                : [],
        };
        return await DrawAsync(meeting, language, context, summary ?? notice, cancellationToken);
    }

    /// <summary>The card for a group chat or channel: no one's buttons, a refresh that gives each person concerned their own view.</summary>
    public async Task<Reply> ForSharedChatAsync(Meeting meeting, Language language, string? notice, CancellationToken cancellationToken, NoticeTone tone = NoticeTone.Attention)
    {
        var context = MeetingCardContext.Neutral with { RefreshUserIds = await RefreshUsersAsync(meeting.State, cancellationToken), Notice = notice, Tone = tone };
        return await DrawAsync(meeting, language, context, notice, cancellationToken);
    }

    private async Task<Reply> DrawAsync(Meeting meeting, Language language, MeetingCardContext context, string? summary, CancellationToken cancellationToken)
    {
        var history = await meetings.RecentHistoryAsync(meeting, HistoryLinesOnCard, cancellationToken);
        var card = MeetingCard.Build(View(meeting.State, history, language), language, context);
        return new Reply(summary ?? $"{MeetingMessages.Name(meeting.Number)} {meeting.State.Title}", card) { MeetingNumber = meeting.Number, Revision = meeting.State.Revision };
    }

    /// <summary>Everyone whose view differs from a bystander's, by Teams id: the requester, the directors, the leaders.</summary>
    private async Task<IReadOnlyList<string>> RefreshUsersAsync(MeetingState state, CancellationToken cancellationToken)
    {
        var objectIds = new List<string> { state.Requester.ObjectId };
        objectIds.AddRange(office.CurrentValue.Directors);
        objectIds.AddRange(state.Leaders.Select(l => l.ObjectId));
        return await contexts.RefreshUsersAsync(state.TenantId, objectIds, cancellationToken);
    }
}
