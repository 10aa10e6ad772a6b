using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Tests.Sheets;

/// <summary>Sheets for tests: a textbook deal that raises no flag, and influences to vary from it.</summary>
public static class TestSheets
{
    public static readonly DateOnly AsOf = new(2026, 11, 26);

    /// <summary>A senior, supportive coach who is also the user, covered and with a recent win.</summary>
    public static SheetInfluence Coach(string id = "wang-fang") => new(
        id, "Wang Fang", "CIO", BuyingRoles.Coach | BuyingRoles.User | BuyingRoles.Technical, InfluenceLevel.High, 4,
        ContactLevel.Frequent, ResponseMode.Growth, "Our VP Sales", PersonStatus.Active,
        AsOf.AddDays(-200), AsOf.AddDays(-3), ["recognition"], ["month-end close in 3 days"]);

    public static SheetInfluence EconomicBuyer(string id = "li-wei") => new(
        id, "Li Wei", "CFO", BuyingRoles.Economic, InfluenceLevel.High, 3,
        ContactLevel.Occasional, ResponseMode.Growth, "Our CEO", PersonStatus.Active,
        AsOf.AddDays(-120), AsOf.AddDays(-10), ["seen as a leader"], ["cash flow"]);

    public static SheetInfluence Person(string id, BuyingRoles roles = BuyingRoles.User) => new(
        id, id.ToUpperInvariant(), null, roles, InfluenceLevel.Medium, 2, ContactLevel.Occasional, ResponseMode.Trouble,
        null, PersonStatus.Active, AsOf.AddDays(-90), AsOf.AddDays(-40), ["more free time"], []);

    public static StrategySheet Textbook(params SheetInfluence[] extra) => new(
        AsOf,
        new SheetOpportunity("ERP rollout", "East China Steel", 2.5m,
            new SheetObjective("ERP suite", 1, 1_200_000m, "CNY", new DateOnly(2027, 3, 31)),
            Engagement.BeforeProject, FunnelLevel.BestFew, ExpectedOutcome.WinWin),
        [Coach(), EconomicBuyer(), .. extra],
        [new SheetStrength("Only vendor with a local support centre", ["coach-weak"])],
        [new SheetObjection("li-wei", "Price is 20% above budget", ObjectionStatus.Resolved)],
        []);

    public static StrategySheet WithInfluences(this StrategySheet sheet, params SheetInfluence[] influences) => sheet with { Influences = influences };

    public static StrategySheet WithOpportunity(this StrategySheet sheet, Func<SheetOpportunity, SheetOpportunity> change) =>
        sheet with { Opportunity = change(sheet.Opportunity) };
}
