using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
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

    /// <summary>
    /// The textbook deal as a version-2 sheet that raises no flag either: the economic buyer is the top officer, an open
    /// action is due next week, and the deal was set up long ago.
    /// </summary>
    public static StrategySheet TextbookV2(params SheetInfluence[] extra)
    {
        var sheet = Textbook(extra);
        return sheet with
        {
            Version = 2,
            Opportunity = sheet.Opportunity with { CreatedOn = AsOf.AddDays(-300) },
            Influences = [.. sheet.Influences.Select(i => i.Id == "li-wei" ? i with { Seniority = Seniority.TopOfficer } : i)],
            Actions = [Action("a1", due: AsOf.AddDays(7))],
        };
    }

    public static SheetAction Action(string id, DateOnly? due = null, ActionStatus status = ActionStatus.Open, string? influence = null) =>
        new(id, "Send the reference case", "Our VP Sales", due, status, influence, []);

    public static SheetCall Call(string id, DateOnly date, CallStatus status = CallStatus.Planned, CallOutcome? outcome = null) =>
        new(id, date, ["li-wei"], status, "A pilot in one plant", [], outcome, null);

    public static SheetNeed Leaf(string problem, string? solution = "Our module") => new(null, problem, [], solution);

    public static SheetNeed Branch(NeedLayer layer, params SheetNeed[] children) => new(layer, layer + " problem", children, null);

    public static StrategySheet WithInfluences(this StrategySheet sheet, params SheetInfluence[] influences) => sheet with { Influences = influences };

    public static StrategySheet WithOpportunity(this StrategySheet sheet, Func<SheetOpportunity, SheetOpportunity> change) =>
        sheet with { Opportunity = change(sheet.Opportunity) };
}
