using OfficeBot.Cards.Localization;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;
using static OfficeBot.Cards.Builders.MatterSections;

namespace OfficeBot.Cards.Builders;

/// <summary>催辦: who presses whom on which matter, how late it is, and the handler's answers (acknowledge, progress, extension).</summary>
public static class UrgeCard
{
    /// <summary>How the urged answer: the handler with a receipt, progress or an extension, a co-handler with their own part.</summary>
    private static readonly IReadOnlySet<MatterAction> Answers = new HashSet<MatterAction>
    {
        MatterAction.Acknowledge, MatterAction.ReportProgress, MatterAction.AskExtension, MatterAction.GiveOpinion, MatterAction.MarkPartDone,
    };

    public static AdaptiveCard Build(MatterView matter, Language language, CardContext context, PersonView urger, string? message) =>
        CardLimits.Fit(limits =>
        {
            var text = CardText.For(language);
            var card = NewCard(matter, context);
            card.Body.Add(Header(matter));
            card.Body.Add(StatusLine(matter, text));

            var facts = new List<Fact> { new(text.UrgedBy, CardParts.Plain(urger.DisplayName, limits.Name)) };
            AddDueFacts(facts, matter, text);
            facts.Add(new Fact(text.Lateness, matter.OverdueWorkingDays > 0 ? text.OverdueBy(matter.OverdueWorkingDays) : text.NotOverdue));
            facts.Add(new Fact(text.Lead, matter.Lead is { } lead ? Person(lead, null, limits) : text.NotAssigned));
            var banner = new Container
            {
                Style = matter.OverdueWorkingDays > 0 ? ContainerStyle.Attention : ContainerStyle.Warning,
                Spacing = Spacing.Medium,
                Items = [new FactSet { Facts = facts }],
            };
            if (!string.IsNullOrWhiteSpace(message))
            {
                banner.Items.Add(new TextBlock(CardParts.Plain(message, limits.Note)) { Wrap = true, Weight = FontWeight.Bolder });
            }

            card.Body.Add(banner);
            AddDescription(card.Body, matter, limits);
            AddInstruction(card.Body, matter, text, limits);

            var kit = new ActionKit(matter, text, context, limits);
            card.Actions = RoleActions.Arrange(RoleActions.For(context, kit, Answers), text.ActMore);
            return card;
        });
}
