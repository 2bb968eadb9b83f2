using Microsoft.Extensions.Logging;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Commands;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Application.Commands.Handlers.CommandReplies;

namespace OfficeBot.Application.Commands.Handlers;

/// <summary>新事項: registers a matter with the people the mentions name.</summary>
public sealed partial class NewMatterHandler(MatterService matters, CommandReplies replies, OfficeTime time, ILogger<NewMatterHandler> logger)
    : CommandHandler<NewMatterCommand>
{
    protected override async Task<Reply> HandleAsync(NewMatterCommand command, Turn turn, CancellationToken cancellationToken)
    {
        Person? lead = null;
        if (command.Lead is { } leadMention)
        {
            lead = await turn.Members.ResolveAsync(leadMention, cancellationToken);
            if (lead is null)
            {
                return Error(turn, turn.Say.PersonNotInConversation(leadMention.DisplayName), CommandVerb.New);
            }
        }

        var coHandlers = new List<Person>();
        foreach (var mention in command.CoHandlers)
        {
            var person = await turn.Members.ResolveAsync(mention, cancellationToken);
            if (person is null)
            {
                return Error(turn, turn.Say.PersonNotInConversation(mention.DisplayName), CommandVerb.New);
            }

            coHandlers.Add(person);
        }

        var registration = new MatterRegistration(command.Title, null, command.Source, command.DocumentNumber, command.Urgency, lead, coHandlers,
            command.Due is { } due ? new DueDate(due.Date, due.Time) : null);
        var (matter, refusal) = await matters.RegisterAsync(turn.TenantId, registration, turn.Actor, turn.RequestKey, cancellationToken);
        if (matter is null)
        {
            return Error(turn, turn.Say.Refused(refusal!.Value, MatterStatus.Registered), CommandVerb.New);
        }

        LogRegistered(turn.TenantId, matter.Number, matter.Status);
        var reply = await replies.MatterAsync(matter, turn, turn.Say.Registered(matter.Number, matter.Status == MatterStatus.Registered, turn.Actor.IsDirector), cancellationToken,
            NoticeTone.Good, turn.Say.DayOffNote(matter.State.Due, time.Calendar));
        return reply with { Committed = turn.Say.RegisteredButNotShown(matter.Number) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered matter {TenantId}#{MatterNumber} as {Status}")]
    private partial void LogRegistered(string tenantId, int matterNumber, MatterStatus status);
}

/// <summary>我的事項 / 逾期 / 待審核: directors and leaders see the whole office's overdue and pending; anyone else their own.</summary>
public sealed class ListMattersHandler(MatterService matters, MatterPresenter presenter) : CommandHandler<ListMattersCommand>
{
    protected override async Task<Reply> HandleAsync(ListMattersCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var seesAll = turn.Actor.IsDirector || turn.Actor.IsLeader;
        var wholeOffice = seesAll && command.Kind is MatterListKind.Overdue or MatterListKind.AwaitingReview;
        var open = wholeOffice
            ? await matters.OpenAsync(turn.TenantId, cancellationToken)
            : await matters.OpenForPersonAsync(turn.TenantId, turn.Actor.Person.ObjectId, cancellationToken);

        IEnumerable<MatterSummary> chosen = command.Kind switch
        {
            MatterListKind.Overdue => open.Where(s => presenter.Light(s) == TrafficLight.Red),
            MatterListKind.AwaitingReview => open.Where(s => s.Status == MatterStatus.AwaitingReview),
            _ => open,
        };
        var views = chosen
            .OrderBy(s => presenter.Light(s) switch { TrafficLight.Red => 0, TrafficLight.Yellow => 1, _ => 2 })
            .ThenBy(s => s.Due?.Date ?? DateOnly.MaxValue)
            .ThenBy(s => s.Number)
            .Select(presenter.View)
            .ToList();

        var heading = turn.Say.ListHeading(command.Kind);
        return new Reply($"{heading} ({views.Count})", MatterListCard.Build(heading, views, turn.Language, turn.Say.ListEmpty(command.Kind)));
    }
}

/// <summary>查看 #12: the matter's card, if the person may see it.</summary>
public sealed class ShowMatterHandler(MatterService matters, CommandReplies replies) : CommandHandler<ShowMatterCommand>
{
    protected override async Task<Reply> HandleAsync(ShowMatterCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var matter = await matters.FindVisibleAsync(turn.TenantId, command.Number, turn.Actor, cancellationToken);
        return matter is null
            ? Error(turn, turn.Say.UnknownMatter(command.Number), CommandVerb.Show)
            : await replies.MatterAsync(matter, turn, notice: null, cancellationToken);
    }
}

/// <summary>簽收 #12.</summary>
public sealed class AcknowledgeHandler(CommandReplies replies, OfficeTime time) : CommandHandler<AcknowledgeCommand>
{
    protected override Task<Reply> HandleAsync(AcknowledgeCommand command, Turn turn, CancellationToken cancellationToken) =>
        replies.ChangeAsync(turn, command.Number, CommandVerb.Acknowledge, m => m.Acknowledge(turn.Actor, time.Now), turn.Say.Acknowledged(command.Number), cancellationToken,
            unchanged: turn.Say.AlreadyAcknowledged(command.Number));
}

/// <summary>進度 #12 說明.</summary>
public sealed class ProgressHandler(CommandReplies replies, OfficeTime time) : CommandHandler<ProgressCommand>
{
    protected override Task<Reply> HandleAsync(ProgressCommand command, Turn turn, CancellationToken cancellationToken) =>
        replies.ChangeAsync(turn, command.Number, CommandVerb.Progress, m => m.ReportProgress(turn.Actor, time.Now, command.Text), turn.Say.ProgressRecorded(command.Number), cancellationToken);
}

/// <summary>辦結 #12: asks the directors to review; a director who says a matter is done has also reviewed it.</summary>
public sealed class AskCompletionHandler(CommandReplies replies, OfficeTime time) : CommandHandler<AskCompletionCommand>
{
    protected override Task<Reply> HandleAsync(AskCompletionCommand command, Turn turn, CancellationToken cancellationToken) =>
        replies.ChangeAsync(turn, command.Number, CommandVerb.Done, m =>
        {
            var asked = m.AskCompletion(turn.Actor, time.Now, command.Text);
            return asked.IsChanged && turn.Actor.IsDirector ? m.ApproveCompletion(turn.Actor, time.Now) : asked;
        }, turn.Say.CompletionAsked(command.Number), cancellationToken);
}

/// <summary>催辦 #12.</summary>
public sealed class UrgeHandler(CommandReplies replies, OfficeTime time) : CommandHandler<UrgeCommand>
{
    protected override Task<Reply> HandleAsync(UrgeCommand command, Turn turn, CancellationToken cancellationToken) =>
        replies.ChangeAsync(turn, command.Number, CommandVerb.Urge, m => m.Urge(turn.Actor, time.Now, command.Text), turn.Say.Urged(command.Number), cancellationToken);
}

/// <summary>延期 #12 日期: a director extends; anyone else asks for it.</summary>
public sealed class ExtendHandler(CommandReplies replies, OfficeTime time) : CommandHandler<ExtendCommand>
{
    protected override Task<Reply> HandleAsync(ExtendCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var newDue = new DueDate(command.NewDue.Date, command.NewDue.Time);
        var note = turn.Say.DayOffNote(newDue, time.Calendar);
        return turn.Actor.IsDirector
            ? replies.ChangeAsync(turn, command.Number, CommandVerb.Extend, m => m.Extend(turn.Actor, time.Now, newDue, command.Reason, time.Zone), turn.Say.Extended(command.Number),
                cancellationToken, note: note)
            : replies.ChangeAsync(turn, command.Number, CommandVerb.Extend, m => m.AskExtension(turn.Actor, time.Now, newDue, command.Reason, time.Zone),
                turn.Say.ExtensionAsked(command.Number), cancellationToken, note: note);
    }
}

/// <summary>轉辦 #12 @人: a director transfers (or, for a matter still waiting, instructs); anyone else asks for it.</summary>
public sealed class TransferHandler(CommandReplies replies, OfficeTime time) : CommandHandler<TransferCommand>
{
    protected override async Task<Reply> HandleAsync(TransferCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var to = await turn.Members.ResolveAsync(command.To, cancellationToken);
        if (to is null)
        {
            return Error(turn, turn.Say.PersonNotInConversation(command.To.DisplayName), CommandVerb.Transfer);
        }

        return turn.Actor.IsDirector
            ? await replies.ChangeAsync(turn, command.Number, CommandVerb.Transfer, m => m.Status == MatterStatus.Registered
                ? m.Instruct(turn.Actor, time.Now, to, null, null, command.Reason, time.Zone)
                : m.Transfer(turn.Actor, time.Now, to, command.Reason), turn.Say.Transferred(command.Number), cancellationToken)
            : await replies.ChangeAsync(turn, command.Number, CommandVerb.Transfer, m => m.AskTransfer(turn.Actor, time.Now, to, command.Reason, time.Zone, time.Calendar),
                turn.Say.TransferAsked(command.Number), cancellationToken);
    }
}
