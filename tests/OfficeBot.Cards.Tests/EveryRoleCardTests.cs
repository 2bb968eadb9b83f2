using System.Text;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;
using Xunit.Abstractions;

namespace OfficeBot.Cards.Tests;

/// <summary>
/// Every role card × every viewer × every status × every language, with the heaviest matter a card must bear (10
/// co-handlers with long notes, 50 history entries, long CJK text, 50 candidates, 75 refresh ids): valid 1.5, under 28 KB,
/// every Execute carries {matter, revision}, refresh lists at most 60 users.
/// </summary>
public class EveryRoleCardTests(ITestOutputHelper output)
{
    public static readonly Dictionary<string, Func<MatterView, Language, CardContext, AdaptiveCard>> Builders = new()
    {
        ["matter"] = MatterCard.Build,
        ["instruction"] = InstructionCard.Build,
        ["co-handling"] = (m, l, c) => CoHandlingRequestCard.Build(m, l, c, Samples.Repeat("請提供預算意見" + Samples.Awkward, 3000)),
        ["urge"] = (m, l, c) => UrgeCard.Build(m, l, c, new PersonView("urger", "催辦人" + Samples.Awkward), Samples.Repeat("請儘速辦理" + Samples.Awkward, 3000)),
        ["approval"] = ApprovalCard.Build,
        ["history"] = HistoryCard.Build,
    };

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var builder in Builders.Keys)
        {
            foreach (var role in Roles.Names)
            {
                foreach (var scenario in Roles.Scenarios)
                {
                    data.Add(builder, role, scenario);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_HeaviestMatterEveryLanguage_ValidSmallAndEveryActionCarriesTheMatter(string builder, string role, string scenario)
    {
        var matter = Roles.In(Roles.Heaviest(), scenario);
        var context = Roles.For(role, matter, notice: Samples.Repeat("此卡片已過期，以下為最新狀態。" + Samples.Awkward, 2000));

        foreach (var language in Samples.Languages)
        {
            var card = Builders[builder](matter, language, context);

            CardSchema.AssertValid(card);
            var bytes = Encoding.UTF8.GetByteCount(card.ToJson());
            output.WriteLine($"{builder} {role} {scenario} {language}: {bytes} bytes");
            Assert.True(bytes < CardSchema.MaxCardBytes, $"{builder}/{role}/{scenario} in {language} is {bytes} bytes");

            var json = card.ToJsonObject();
            var executes = Buttons.Executes(json);
            Assert.NotEmpty(executes);
            Assert.All(executes, e =>
            {
                Assert.Equal(matter.Number, e["data"]!["matter"]!.GetValue<int>());
                Assert.Equal(matter.Revision, e["data"]!["revision"]!.GetValue<int>());
            });
            var userIds = json["refresh"]!["userIds"]!.AsArray();
            Assert.Equal(CardContextLimit, userIds.Count);
            Assert.Equal(userIds.Count, userIds.Select(u => u!.GetValue<string>()).Distinct().Count());
            Assert.True(Buttons.TopLevel(json).Count <= 6);
        }
    }

    private const int CardContextLimit = CardContext.MaxRefreshUsers;

    [Fact]
    public void Build_LargestOfEachBuilder_Reported()
    {
        foreach (var (name, build) in Builders)
        {
            var largest = Roles.Names
                .SelectMany(role => Roles.Scenarios.SelectMany(scenario => Samples.Languages.Select(language =>
                {
                    var matter = Roles.In(Roles.Heaviest(), scenario);
                    return (Size: build(matter, language, Roles.For(role, matter)).Utf8Size(), role, scenario, language);
                })))
                .MaxBy(c => c.Size);
            output.WriteLine($"{name}: {largest.Size} bytes ({largest.role}, {largest.scenario}, {largest.language})");
            Assert.True(largest.Size < CardSchema.MaxCardBytes);
        }
    }
}
