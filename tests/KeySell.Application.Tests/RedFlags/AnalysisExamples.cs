using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Tests.RedFlags;

/// <summary>Analyses that between them raise every red flag of the contract.</summary>
internal static class AnalysisExamples
{
    public static readonly DateOnly AsOf = new(2026, 11, 26);

    public static SheetInfluence Person(string id, string name) => new(
        id, name, "CIO", BuyingRoles.Coach, InfluenceLevel.High, 4, ContactLevel.Frequent, ResponseMode.Growth,
        "Our VP", PersonStatus.Active, AsOf.AddDays(-100), AsOf.AddDays(-2), ["recognition"], []);

    /// <summary>A sheet on which every rule of the contract fires at least once.</summary>
    public static SheetAnalysis EveryFlag()
    {
        var sheet = new StrategySheet(AsOf,
            new SheetOpportunity("ERP rollout", "East China Steel", -2m, new SheetObjective(" ", null, null, null, null),
                Engagement.AfterTender, FunnelLevel.BestFew, ExpectedOutcome.WinLose),
            [
                Person("wang", "Wang Fang") with { Influence = InfluenceLevel.Low, Support = 1 },
                Person("zhao", "Zhao Lei") with { Status = PersonStatus.LeftCompany },
                Person("li", "Li Wei") with
                {
                    Roles = BuyingRoles.Economic | BuyingRoles.Technical, Mode = ResponseMode.EvenKeel, Support = -5,
                    Counterpart = null, Contact = ContactLevel.None, Wins = [], Since = AsOf.AddDays(-5), LastContact = null,
                },
                Person("chen", "Chen Jing") with { Roles = BuyingRoles.None, Influence = InfluenceLevel.Unknown, Support = null, LastContact = AsOf.AddDays(-60) },
            ],
            [],
            [new SheetObjection("li", "Price is 20% above budget", ObjectionStatus.Open)],
            [new SheetRedFlag("Rumoured reorganisation in IT", "wang")]);
        return StrategyAnalyzer.Default.Analyze(sheet with { Influences = sheet.Influences.Select(i => i.Id == "wang" ? i with { LastContact = AsOf.AddDays(-40) } : i).ToArray() }, AsOf);
    }

    /// <summary>A coach and an economic buyer cannot be both present and missing, so an empty sheet covers the rest.</summary>
    public static SheetAnalysis[] CoveringEveryFlag() =>
        [EveryFlag(), StrategyAnalyzer.Default.Analyze(EveryFlag().Sheet with { Influences = [] }, AsOf)];
}
