using BenchmarkDotNet.Attributes;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Sheets;

namespace KeySell.Benchmarks.Sheets;

/// <summary>
/// The engine on a realistic deal of eight buying influences. Target (issue 3): at least 500,000
/// analyses per second on one core (≤ 2 µs each) and at most 1 KB allocated for a flag-free sheet.
/// </summary>
[MemoryDiagnoser]
public class StrategyAnalyzerBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 11, 26);
    private readonly StrategyAnalyzer _analyzer = StrategyAnalyzer.Default;
    private StrategySheet _flagFree = null!;
    private StrategySheet _typical = null!;

    [GlobalSetup]
    public void Setup()
    {
        _flagFree = Deal(flagFree: true);
        _typical = Deal(flagFree: false);
    }

    [Benchmark(Baseline = true, Description = "8 influences, no red flag")]
    public SheetAnalysis FlagFree() => _analyzer.Analyze(_flagFree, AsOf);

    [Benchmark(Description = "8 influences, typical red flags")]
    public SheetAnalysis Typical() => _analyzer.Analyze(_typical, AsOf);

    private static StrategySheet Deal(bool flagFree)
    {
        SheetInfluence Person(string id, string name, BuyingRoles roles, InfluenceLevel influence, int? support, ContactLevel contact, ResponseMode mode, string? counterpart, string[] wins) =>
            new(id, name, "Title", roles, influence, support, contact, mode, counterpart, PersonStatus.Active,
                AsOf.AddDays(-120), AsOf.AddDays(-5), wins, ["month-end close in 3 days"]);

        var influences = new List<SheetInfluence>
        {
            Person("li-wei", "Li Wei", BuyingRoles.Economic, InfluenceLevel.High, 3, ContactLevel.Occasional, ResponseMode.Growth, "Our CEO", ["seen as a leader"]),
            Person("wang-fang", "Wang Fang", BuyingRoles.Coach | BuyingRoles.Technical, InfluenceLevel.High, 4, ContactLevel.Frequent, ResponseMode.Growth, "Our VP", ["recognition"]),
            Person("zhang-min", "Zhang Min", BuyingRoles.User, InfluenceLevel.Medium, 2, ContactLevel.Frequent, ResponseMode.Trouble, null, ["more free time"]),
            Person("chen-jing", "Chen Jing", BuyingRoles.User, InfluenceLevel.Medium, 1, ContactLevel.Occasional, ResponseMode.Growth, null, ["new skills"]),
            Person("liu-yang", "Liu Yang", BuyingRoles.Technical, InfluenceLevel.Medium, 2, ContactLevel.Occasional, ResponseMode.Trouble, null, ["best technical solution"]),
            Person("zhao-lei", "Zhao Lei", BuyingRoles.User, InfluenceLevel.Low, 0, ContactLevel.Occasional, ResponseMode.Growth, null, ["efficiency"]),
            Person("sun-li", "Sun Li", BuyingRoles.Technical, InfluenceLevel.Low, 1, ContactLevel.Frequent, ResponseMode.Growth, null, ["reliability"]),
            Person("zhou-hui", "Zhou Hui", BuyingRoles.User, InfluenceLevel.Medium, 3, ContactLevel.Frequent, ResponseMode.Trouble, null, ["work faster"]),
        };
        if (!flagFree)
        {
            influences[1] = influences[1] with { Support = 2 };
            influences[3] = influences[3] with { Contact = ContactLevel.None, Wins = [] };
            influences[4] = influences[4] with { Support = -2, Since = AsOf.AddDays(-10) };
            influences[6] = influences[6] with { Mode = ResponseMode.Unknown, Support = null };
        }
        return new StrategySheet(AsOf,
            new SheetOpportunity("ERP rollout", "East China Steel", 2.5m, new SheetObjective("ERP suite", 1, 1_200_000m, "CNY", new DateOnly(2027, 3, 31)),
                flagFree ? Engagement.BeforeProject : Engagement.AfterTender, FunnelLevel.BestFew, ExpectedOutcome.WinWin),
            influences,
            [new SheetStrength("Only vendor with a local support centre", ["coach-weak", "technical-veto"]), new SheetStrength("Reference site in the same industry", ["late-entry"])],
            [new SheetObjection("li-wei", "Price is 20% above budget", flagFree ? ObjectionStatus.Resolved : ObjectionStatus.Open)],
            []);
    }
}
