using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Model;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Benchmarks.Cards;

/// <summary>Each card type drawn and serialised (what the bot does before every reply, notification or update).</summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CardBenchmarks
{
    private MatterView _matter = null!;
    private CardContext _director = null!;
    private CardContext _lead = null!;
    private CardContext _coHandler = null!;
    private IReadOnlyList<MatterView> _list = null!;

    [Params("realistic", "heavy")]
    public string Matter { get; set; } = "realistic";

    [GlobalSetup]
    public void Setup()
    {
        _matter = Matter == "heavy" ? Samples.Matter(coHandlers: 10, history: 50) : Samples.Matter(coHandlers: 3, history: 8);
        var refresh = Enumerable.Range(0, 14).Select(i => $"00000000-0000-0000-0000-{i:D12}").ToList();
        _director = WithActions(new CardContext(MatterRole.Director, Samples.DirectorId, Samples.Candidates(12), refresh));
        _lead = WithActions(new CardContext(MatterRole.Lead, _matter.Lead!.ObjectId, Samples.Candidates(12), refresh));
        _coHandler = WithActions(new CardContext(MatterRole.CoHandler, _matter.CoHandlers[0].Person.ObjectId, [], refresh));
        _list = Enumerable.Range(1, 25).Select(i => _matter with { Number = i }).ToList();
    }

    /// <summary>The buttons the domain opens to the viewer, so the cards are drawn with them as in the bot.</summary>
    private CardContext WithActions(CardContext context)
    {
        var own = _matter.CoHandlers.FirstOrDefault(c => c.Person.ObjectId == context.ViewerObjectId);
        var facts = new ActionFacts(context.Viewer, _matter.Status, _matter.Pending?.Kind, _matter.LeadAcknowledged, own?.State, own?.Acknowledged ?? false);
        return context with { Actions = Permissions.Available(facts) };
    }

    [Benchmark]
    public string MatterCard_Director() => MatterCard.Build(_matter, Language.Traditional, _director).ToJson();

    [Benchmark]
    public string MatterCard_Lead() => MatterCard.Build(_matter, Language.Traditional, _lead).ToJson();

    [Benchmark]
    public string Instruction() => InstructionCard.Build(_matter with { Status = MatterStatus.Registered }, Language.Traditional, _director).ToJson();

    [Benchmark]
    public string CoHandlingRequest() => CoHandlingRequestCard.Build(_matter, Language.Traditional, _coHandler, "請提供預算意見").ToJson();

    [Benchmark]
    public string Urge() => UrgeCard.Build(_matter, Language.Traditional, _lead, Samples.Director, "請今天回覆").ToJson();

    [Benchmark]
    public string Approval() => ApprovalCard.Build(Samples.Pending(_matter), Language.Traditional, _director).ToJson();

    [Benchmark]
    public string History() => HistoryCard.Build(_matter, Language.Traditional, _director).ToJson();

    [Benchmark]
    public string MatterList25() => MatterListCard.Build("我的事項", _list, Language.Traditional, "沒有事項").ToJson();

    [Benchmark]
    public string Help() => HelpCard.Build(Language.Traditional).ToJson();

    [Benchmark]
    public string Error() => ErrorCard.Build(Language.Traditional, "期限「11月20日」已經過去。", "新事項 <標題> [期限 <日期>]", "新事項 年度預算報告 期限 下週五").ToJson();

    /// <summary>The UTF-8 size of each card, printed next to the timings.</summary>
    public IEnumerable<(string Card, int Bytes)> Sizes()
    {
        foreach (var method in GetType().GetMethods().Where(m => m.GetCustomAttributes(typeof(BenchmarkAttribute), false).Length > 0))
        {
            var json = (string)method.Invoke(this, null)!;
            yield return (method.Name, System.Text.Encoding.UTF8.GetByteCount(json));
        }
    }
}
