using System.Text;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Cards.Tests;

/// <summary>A person's department, where the configuration knows it, beside their name on the matter-based cards.</summary>
public sealed class DepartmentOnCardsTests
{
    private static MatterView WithDepartments() => Samples.Plain() with
    {
        Lead = Samples.Wang with { Department = "秘書處" },
        LeadAcknowledged = false,
        CoHandlers = [new CoHandlerView(Samples.Li with { Department = "財務處" }, CoHandlingState.Accepted, Acknowledged: true)],
    };

    [Fact]
    public void MatterCard_LeadAndCoHandlerWithDepartments_ShowEachBesideTheName()
    {
        var card = Rendered.Of(MatterCard.Build(WithDepartments(), Language.Traditional));

        Assert.Equal("王大明 · 秘書處 · 未簽收", card.FactValue("主辦"));
        Assert.Equal("李小華 · 財務處 · 已接受 · ✓ 已簽收", card.FactValue("會辦"));
    }

    [Fact]
    public void MatterCard_PeopleInNoDepartment_ShowNameAndStateOnly()
    {
        var card = Rendered.Of(MatterCard.Build(Samples.Plain() with { LeadAcknowledged = false }, Language.English));

        Assert.Equal("王大明 · not yet acknowledged", card.FactValue("Lead"));
        Assert.Equal("李小華 · Accepted · ✓ acknowledged", card.FactValue("Co-handling"));
    }

    [Fact]
    public void MatterCard_OnlyTheLeadInADepartment_ShowsItForTheLeadAlone()
    {
        var card = Rendered.Of(MatterCard.Build(Samples.Plain() with { Lead = Samples.Wang with { Department = "秘書處" } }, Language.Traditional));

        Assert.Equal("王大明 · 秘書處 · ✓ 已簽收", card.FactValue("主辦"));
        Assert.Equal("李小華 · 已接受 · ✓ 已簽收", card.FactValue("會辦"));
    }

    [Fact]
    public void UrgeCard_Lead_ShowsTheDepartment()
    {
        var matter = WithDepartments();

        var card = Rendered.Of(UrgeCard.Build(matter, Language.Traditional, Roles.For("lead", matter), Samples.Director, "請儘速辦理"));

        Assert.Contains(card.Facts, f => f.Value == "王大明 · 秘書處");
    }

    [Fact]
    public void ApprovalCard_Transfer_ShowsTheDepartmentOnBothSides()
    {
        var matter = WithDepartments() with
        {
            Status = MatterStatus.InProgress,
            Pending = new PendingView(RequestKind.Transfer, Samples.Wang, Samples.Office(2025, 12, 1), "非本處業務", null, Samples.Li with { Department = "財務處" }),
        };

        var card = Rendered.Of(ApprovalCard.Build(matter, Language.Traditional, Roles.For("director", matter)));

        Assert.Contains(card.Facts, f => f.Value == "王大明 · 秘書處 → 李小華 · 財務處");
    }

    [Fact]
    public void MatterCard_DepartmentNameWithMarkdown_ShowsAsWritten()
    {
        var matter = Samples.Plain() with { Lead = Samples.Wang with { Department = "[秘書處](https://evil.example) **急**" } };

        var card = Rendered.Of(MatterCard.Build(matter, Language.Traditional));

        Assert.Equal(@"王大明 · \[秘書處\](https://evil.example) \*\*急\*\* · ✓ 已簽收", card.FactValue("主辦"));
    }

    [Fact]
    public void MatterCard_SixtyCoHandlersWithLongDepartmentNames_IsValidUnderTheBudgetAndClipsThem()
    {
        var longName = Samples.Repeat(Samples.Awkward, 64);
        var matter = Samples.Heavy() with
        {
            CoHandlers = Enumerable.Range(1, 60)
                .Select(i => new CoHandlerView(new PersonView($"co-{i}", $"會辦人{i} {Samples.Awkward}", longName), CoHandlingState.Accepted, true))
                .ToList(),
        };

        var built = MatterCard.Build(matter, Language.Traditional, Roles.For("director", matter));
        var card = Rendered.Of(built);

        CardSchema.AssertValid(built);
        Assert.True(Encoding.UTF8.GetByteCount(built.ToJson()) < CardSchema.MaxCardBytes);
        var coHandlerRows = card.Facts.Where(f => f.Value.StartsWith("會辦人", StringComparison.Ordinal)).ToList();
        Assert.Equal(60, coHandlerRows.Count);
        Assert.All(coHandlerRows, row => Assert.Contains("…", row.Value));
    }
}
