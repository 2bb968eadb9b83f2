using OfficeBot.Cards.Actions;
using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using static OfficeBot.Cards.Builders.CardParts;

namespace OfficeBot.Cards.Builders;

/// <summary>The parts of a matter every matter-based card draws the same way.</summary>
internal static class MatterSections
{
    public const int MaxNoticeLength = 500;

    public static AdaptiveCard NewCard(MatterView matter, CardContext? context)
    {
        var card = FullWidthCard();
        if (context is not null)
        {
            card.Refresh = Refresh(matter, context);
            AddNotice(card.Body, context.Notice, context.Tone, context.Note);
        }

        return card;
    }

    public static CardActionData Data(MatterView matter) => new(matter.Number, matter.Revision);

    public static CardRefresh Refresh(MatterView matter, CardContext context)
    {
        var users = RefreshUsers(context.RefreshUserIds);
        return new CardRefresh
        {
            Action = new ExecuteAction { Verb = CardVerbs.Refresh, Data = Data(matter) },
            // Without ids Teams refreshes nobody automatically; an empty list would only add bytes.
            UserIds = users.Count > 0 ? users : null,
        };
    }

    /// <summary>The users whose own view Teams fetches: each once, at most <see cref="CardContext.MaxRefreshUsers"/> (Teams' limit).</summary>
    public static List<string> RefreshUsers(IEnumerable<string> ids) =>
        ids.Where(id => !string.IsNullOrWhiteSpace(id))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(CardContext.MaxRefreshUsers)
            .ToList();

    public static void AddNotice(List<CardElement> body, string? notice, NoticeTone tone = NoticeTone.Attention, string? note = null)
    {
        var items = new List<CardElement>();
        if (!string.IsNullOrWhiteSpace(notice))
        {
            // Only a problem is drawn in warning colours; a confirmation in them reads as if something went wrong.
            items.Add(new TextBlock(Plain(notice, MaxNoticeLength))
            {
                Wrap = true,
                Weight = FontWeight.Bolder,
                Color = tone == NoticeTone.Attention ? TextColor.Attention : null,
            });
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            items.Add(new TextBlock(Plain(note, MaxNoticeLength)) { Wrap = true, Spacing = Spacing.Small });
        }

        if (items.Count == 0)
        {
            return;
        }

        body.Add(new Container
        {
            Style = tone switch
            {
                NoticeTone.Good => ContainerStyle.Good,
                NoticeTone.Information => ContainerStyle.Emphasis,
                _ => ContainerStyle.Warning,
            },
            Items = items,
        });
    }

    public static ColumnSet Header(MatterView matter) => new()
    {
        Columns =
        [
            new Column
            {
                Width = Column.Auto,
                Items = [new TextBlock($"#{matter.Number}") { Size = FontSize.Large, Weight = FontWeight.Bolder, Color = TextColor.Accent }],
            },
            new Column
            {
                Width = Column.Stretch,
                Items = [new TextBlock(Plain(matter.Title, MaxTitleLength)) { Size = FontSize.Large, Weight = FontWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }],
            },
        ],
    };

    public static TextBlock StatusLine(MatterView matter, CardText text)
    {
        var parts = new List<string>();
        if (matter.Light != TrafficLight.None)
        {
            parts.Add(text.LightName(matter.Light));
        }

        parts.Add(text.StatusName(matter.Status));
        if (matter.Light == TrafficLight.Red && matter.OverdueWorkingDays > 0)
        {
            parts.Add(text.OverdueBy(matter.OverdueWorkingDays));
        }

        return new TextBlock(string.Join(Dot, parts))
        {
            Size = FontSize.Medium,
            Weight = FontWeight.Bolder,
            Color = LightColor(matter.Light, matter.Status),
            Wrap = true,
            Spacing = Spacing.Small,
        };
    }

    public static FactSet Facts(MatterView matter, CardText text, CardLimits limits)
    {
        var open = !matter.Status.IsClosed();
        var source = text.SourceName(matter.Source);
        var facts = new List<Fact> { new(text.Source, matter.Meeting is { } meeting ? $"{source} (M{meeting})" : source) };

        if (!string.IsNullOrWhiteSpace(matter.DocumentNumber))
        {
            facts.Add(new Fact(text.DocumentNumber, Plain(matter.DocumentNumber, MaxDocumentNumberLength)));
        }

        facts.Add(new Fact(text.Urgency, text.UrgencyName(matter.Urgency)));
        facts.Add(new Fact(text.Lead, matter.Lead is null
            ? text.NotAssigned
            : Person(matter.Lead, open ? Receipt(matter.LeadAcknowledged, text) : null, limits)));

        for (var i = 0; i < matter.CoHandlers.Count; i++)
        {
            var coHandler = matter.CoHandlers[i];
            var state = text.CoHandlingStateName(coHandler.State);
            var detail = open ? state + Dot + Receipt(coHandler.Acknowledged, text) : state;
            // Only the first row carries the label, so the co-handlers read as one group.
            facts.Add(new Fact(i == 0 ? text.CoHandlers : "", Person(coHandler.Person, detail, limits)));
        }

        AddDueFacts(facts, matter, text);
        facts.Add(new Fact(text.RegisteredBy, Plain(matter.Registrar.DisplayName, limits.Name)));
        return new FactSet { Facts = facts, Separator = true };
    }

    public static void AddDueFacts(List<Fact> facts, MatterView matter, CardText text)
    {
        facts.Add(new Fact(text.Due, matter.Due is { } due ? text.FormatDate(due) : text.NoDue));
        if (matter.IsExtended)
        {
            facts.Add(new Fact(text.OriginalDue, text.FormatDate(matter.OriginalDue!.Value)));
        }
    }

    /// <summary>"林阿偉 · 秘書處 · detail": the name, the department where known, then the detail.</summary>
    public static string Person(PersonView person, string? detail, CardLimits limits)
    {
        var label = Plain(person.DisplayName, limits.Name);
        if (!string.IsNullOrWhiteSpace(person.Department))
        {
            label += Dot + Plain(person.Department, limits.Name);
        }

        return detail is null ? label : label + Dot + detail;
    }

    private static string Receipt(bool acknowledged, CardText text) =>
        acknowledged ? "✓ " + text.Acknowledged : text.NotAcknowledged;

    public static void AddDescription(List<CardElement> body, MatterView matter, CardLimits limits)
    {
        if (!string.IsNullOrWhiteSpace(matter.Description))
        {
            body.Add(new TextBlock(Plain(matter.Description, limits.Description)) { Wrap = true, Separator = true });
        }
    }

    /// <summary>A labelled block of user text (the instruction, what is asked, an urging message).</summary>
    public static void AddLabelled(List<CardElement> body, string label, string? value, int maxLength, ContainerStyle? style = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        body.Add(new Container
        {
            Separator = style is null,
            Spacing = Spacing.Medium,
            Style = style,
            Items =
            [
                new TextBlock(label) { Weight = FontWeight.Bolder, Wrap = true },
                new TextBlock(Plain(value, maxLength)) { Wrap = true, Spacing = Spacing.Small },
            ],
        });
    }

    public static void AddInstruction(List<CardElement> body, MatterView matter, CardText text, CardLimits limits) =>
        AddLabelled(body, text.Instruction, matter.Instruction, limits.Note);

    /// <summary>The request waiting for the director, with what it would change.</summary>
    public static void AddPending(List<CardElement> body, MatterView matter, CardText text, CardLimits limits)
    {
        if (matter.Pending is not { } pending)
        {
            return;
        }

        var facts = new List<Fact>
        {
            new(text.Requester, Plain(pending.Requester.DisplayName, limits.Name)),
            new(text.RequestedAt, text.FormatDate(pending.At)),
        };
        if (pending.Kind == RequestKind.Extension && pending.NewDue is { } newDue)
        {
            var from = matter.Due is { } due ? text.FormatDate(due) : text.NoDue;
            facts.Add(new Fact(text.NewDue, from + " → " + text.FormatDate(newDue)));
        }

        if (pending.Kind == RequestKind.Transfer && pending.NewLead is { } newLead)
        {
            // A transfer usually moves a matter to another department, so the director sees both.
            var from = matter.Lead is { } lead ? Person(lead, null, limits) : text.NotAssigned;
            facts.Add(new Fact(text.ProposedLead, from + " → " + Person(newLead, null, limits)));
        }

        if (!string.IsNullOrWhiteSpace(pending.Reason))
        {
            facts.Add(new Fact(text.Reason, Plain(pending.Reason, limits.Note)));
        }

        body.Add(new Container
        {
            Style = ContainerStyle.Emphasis,
            Spacing = Spacing.Medium,
            Items =
            [
                new TextBlock(text.PendingRequest + text.Colon + text.RequestName(pending.Kind)) { Weight = FontWeight.Bolder, Wrap = true, Color = TextColor.Warning },
                new FactSet { Facts = facts, Spacing = Spacing.Small },
            ],
        });
    }

    public static void AddCoHandlerNotes(List<CardElement> body, MatterView matter, CardText text, CardLimits limits)
    {
        var noted = matter.CoHandlers.Where(c => !string.IsNullOrWhiteSpace(c.Note)).ToList();
        if (noted.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(text.CoHandlerNotes) { Weight = FontWeight.Bolder, Separator = true });
        foreach (var coHandler in noted)
        {
            body.Add(new RichTextBlock
            {
                Spacing = Spacing.Small,
                Inlines =
                [
                    new TextRun(Clip(coHandler.Person.DisplayName, limits.Name)) { Weight = FontWeight.Bolder, Size = FontSize.Small },
                    new TextRun($"（{text.CoHandlingStateName(coHandler.State)}）" + text.Colon) { IsSubtle = true, Size = FontSize.Small },
                    new TextRun(Clip(coHandler.Note!, limits.Note)) { Size = FontSize.Small },
                ],
            });
        }
    }

    /// <summary>The last <paramref name="maxLines"/> entries, oldest first, and how many are left out; returns that count.</summary>
    public static int AddHistory(List<CardElement> body, MatterView matter, CardText text, CardLimits limits, int maxLines, string heading) =>
        AddHistory(body, matter.RecentHistory, matter.TotalHistoryCount, text, limits, maxLines, heading);

    /// <summary>The last <paramref name="maxLines"/> of <paramref name="history"/>, oldest first, and how many are left out; returns that count.</summary>
    public static int AddHistory(List<CardElement> body, IReadOnlyList<HistoryLineView> history, int total, CardText text, CardLimits limits, int maxLines, string heading)
    {
        var shown = history.Count <= maxLines
            ? history
            : history.Skip(history.Count - maxLines).ToList();
        var hidden = Math.Max(total, history.Count) - shown.Count;
        if (shown.Count == 0)
        {
            return hidden;
        }

        body.Add(new TextBlock(heading) { Weight = FontWeight.Bolder, Separator = true });
        foreach (var line in shown)
        {
            body.Add(new RichTextBlock
            {
                Spacing = Spacing.Small,
                Inlines =
                [
                    new TextRun(CardText.FormatTimestamp(line.When) + "  ") { IsSubtle = true, Size = FontSize.Small },
                    new TextRun(Clip(line.Actor, limits.Name)) { Weight = FontWeight.Bolder, Size = FontSize.Small },
                    new TextRun(text.Colon + Clip(line.Text, limits.HistoryText)) { Size = FontSize.Small },
                ],
            });
        }

        if (hidden > 0)
        {
            body.Add(new TextBlock(text.MoreHistory(hidden)) { IsSubtle = true, Size = FontSize.Small, Spacing = Spacing.Small });
        }

        return hidden;
    }
}
