using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
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

    /// <summary>
    /// A version-2 sheet on which every rule of version 2 fires (no-next-step apart: it cannot fire with an open
    /// action, which overdue-action needs), with a needs tree, held and planned calls and milestones.
    /// </summary>
    public static SheetAnalysis EveryVersion2Flag()
    {
        var everyFlag = EveryFlag().Sheet;
        var sheet = everyFlag with
        {
            Version = 2,
            // no-top-officer needs a known amount; the blank product keeps incomplete-objective.
            Opportunity = everyFlag.Opportunity with { Objective = everyFlag.Opportunity.Objective with { Amount = 1_200_000m } },
            Actions = [new SheetAction("a1", "Send the Baosteel case", "Our VP", AsOf.AddDays(-3), ActionStatus.Open, "li", ["overdue-action"])],
            Calls =
            [
                new SheetCall("c1", AsOf.AddDays(-20), ["li"], CallStatus.Done, "Pilot", [], CallOutcome.Continuation, null),
                new SheetCall("c2", AsOf.AddDays(-6), ["li"], CallStatus.Done, "Pilot", [], CallOutcome.Continuation, "Again \"later\""),
                new SheetCall("c3", AsOf.AddDays(8), ["wang"], CallStatus.Planned, null, [], null, null),
            ],
            Needs = new SheetNeeds(" ", [
                new SheetNeed(NeedLayer.Finance, "Cash tied up", [new SheetNeed(null, "Manual matching", [], null)], null),
                new SheetNeed(NeedLayer.Process, "Nine charts of accounts", [], "One group chart"),
                new SheetNeed(NeedLayer.Finance, "Late close", [], " "),
            ]),
            Milestones = [new SheetMilestone(Milestone.ConfirmOpportunity, AsOf.AddDays(-60), "Budget"), new SheetMilestone(Milestone.DiscoverPain, AsOf.AddDays(-9), null)],
            Objections =
            [
                new SheetObjection("li", "Price is 20% above budget", ObjectionStatus.Open),
                new SheetObjection(null, "Too slow \"to go live\"", ObjectionStatus.Deferred) { Steps = [ObjectionStep.Confirmed, ObjectionStep.Answered], Answer = ObjectionAnswer.ProductClaim },
            ],
        };
        return StrategyAnalyzer.Default.Analyze(sheet, AsOf);
    }

    /// <summary>A version-2 deal with nothing planned and no tree: no-next-step fires, needs is null.</summary>
    public static SheetAnalysis Version2WithoutNextStep() =>
        StrategyAnalyzer.Default.Analyze(EveryFlag().Sheet with { Version = 2 }, AsOf);

    /// <summary>A coach and an economic buyer cannot be both present and missing, so an empty sheet covers the rest.</summary>
    public static SheetAnalysis[] CoveringEveryFlag() =>
        [EveryFlag(), StrategyAnalyzer.Default.Analyze(EveryFlag().Sheet with { Influences = [] }, AsOf), EveryVersion2Flag(), Version2WithoutNextStep()];
}
