using FsCheck;
using FsCheck.Fluent;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Tests.Sheets;

/// <summary>Random but valid strategy sheets for property tests: every value the contract allows.</summary>
public static class SheetGenerators
{
    private static readonly string[] Texts = ["recognition", "cash flow", "faster close", "promotion", "reliability"];

    public static Arbitrary<StrategySheet> Sheet() => Arb.From(SheetGen());

    public static Gen<StrategySheet> SheetGen() =>
        from count in Gen.Choose(0, 8)
        from influences in InfluenceGen().ListOf(count)
        from opportunity in OpportunityGen()
        from strengthCount in Gen.Choose(0, 3)
        from strengths in StrengthGen().ListOf(strengthCount)
        from objectionCount in Gen.Choose(0, 3)
        from objectionFrom in Gen.Choose(0, 20).ListOf(objectionCount)
        from objectionStatus in Gen.Elements(Enum.GetValues<ObjectionStatus>()).ListOf(objectionCount)
        from manualCount in Gen.Choose(0, 2)
        let unique = influences.Select((influence, index) => influence with { Id = $"p{index}" }).ToArray()
        let objections = objectionFrom.Zip(objectionStatus, (who, status) =>
            new SheetObjection(who < unique.Length ? unique[who].Id : null, "objection", status)).ToArray()
        select new StrategySheet(TestSheets.AsOf, opportunity, unique, strengths.ToArray(), objections,
            Enumerable.Range(0, manualCount).Select(i => new SheetRedFlag($"manual {i}", null)).ToArray());

    private static Gen<SheetOpportunity> OpportunityGen() =>
        from complete in Gen.Elements(true, false)
        from engagement in Gen.Elements<Engagement?>(null, Engagement.BeforeProject, Engagement.AfterProject, Engagement.AfterTender)
        from level in Gen.Elements(Enum.GetValues<FunnelLevel>())
        from outcome in Gen.Elements<ExpectedOutcome?>(null, ExpectedOutcome.WinWin, ExpectedOutcome.WinLose, ExpectedOutcome.LoseLose)
        from score in Gen.Elements<decimal?>(null, -5m, -0.5m, 0m, 2.5m, 5m)
        select new SheetOpportunity("Deal", "Account", score,
            complete ? new SheetObjective("ERP", 1, 100m, "CNY", TestSheets.AsOf.AddDays(90)) : new SheetObjective("ERP", null, null, null, null),
            engagement, level, outcome);

    private static Gen<SheetInfluence> InfluenceGen() =>
        from roles in Gen.Choose(0, 15)
        from influence in Gen.Elements(Enum.GetValues<InfluenceLevel>())
        from support in Gen.Elements<int?>(null, -5, -4, -3, -1, 0, 1, 2, 3, 4, 5)
        from contact in Gen.Elements(Enum.GetValues<ContactLevel>())
        from mode in Gen.Elements(Enum.GetValues<ResponseMode>())
        from counterpart in Gen.Elements<string?>(null, "Our VP")
        from status in Gen.Elements(PersonStatus.Active, PersonStatus.Active, PersonStatus.Active, PersonStatus.LeftCompany, PersonStatus.Moved)
        from since in Gen.Elements<int?>(null, 0, 30, 31, 200)
        from lastContact in Gen.Elements<int?>(null, 0, 30, 31, 90)
        from wins in Gen.Elements(Texts).ListOf(0, 2)
        select new SheetInfluence("x", "Person", null, (BuyingRoles)roles, influence, support, contact, mode, counterpart, status,
            since is { } s ? TestSheets.AsOf.AddDays(-s) : null, lastContact is { } l ? TestSheets.AsOf.AddDays(-l) : null,
            wins.ToArray(), []);

    private static Gen<SheetStrength> StrengthGen() =>
        from text in Gen.Elements("Local support centre", "Reference customer in the same industry", "Lowest total cost")
        from addressCount in Gen.Choose(0, 3)
        from addresses in Gen.Elements(RedFlagIds.Version1.ToArray()).ListOf(addressCount)
        select new SheetStrength(text, addresses.Distinct().ToArray());

    private static Gen<List<T>> ListOf<T>(this Gen<T> gen, int min, int max) =>
        from count in Gen.Choose(min, max)
        from items in gen.ListOf(count)
        select items;
}
