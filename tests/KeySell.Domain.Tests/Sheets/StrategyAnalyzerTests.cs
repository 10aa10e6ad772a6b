using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Funnel;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Tests.Sheets;

public sealed class StrategyAnalyzerTests
{
    private readonly StrategyAnalyzer _analyzer = StrategyAnalyzer.Default;

    [Fact]
    public void Analyze_TextbookDeal_FindsNoRedFlagAndEarnsBestFew()
    {
        var analysis = _analyzer.Analyze(TestSheets.Textbook(), TestSheets.AsOf);

        analysis.RedFlags.ShouldBeEmpty();
        analysis.Funnel.ShouldBe(new FunnelVerdict(FunnelLevel.BestFew, false, [], FunnelLevel.BestFew), new FunnelVerdictComparer());
        analysis.Receptive.Select(i => i.Id).ShouldBe(["wang-fang", "li-wei"]);
        analysis.Unreceptive.ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_ContractRules_CoverEveryRedFlagIdInTheContractsOrder() =>
        StrategyAnalyzer.ContractRules.Select(r => r.Id).ShouldBe(RedFlagIds.All);

    [Fact]
    public void Analyze_SeveralFlags_AreOrderedByRuleThenByInfluence()
    {
        var sheet = TestSheets.Textbook() with { Strengths = [] };
        sheet = sheet.WithInfluences(
            TestSheets.Person("a") with { Contact = ContactLevel.None, Wins = [] },
            TestSheets.Coach() with { Support = 1 },
            TestSheets.Person("b") with { Contact = ContactLevel.None });

        var flags = _analyzer.Analyze(sheet, TestSheets.AsOf).RedFlags.Select(f => (f.Id, f.Influence?.Id));

        flags.ShouldBe([
            ("coach-weak", "wang-fang"), ("no-economic-buyer", null), ("uncovered", "a"), ("uncovered", "b"),
            ("no-win-result", "a"), ("no-strength", null),
        ]);
    }

    [Fact]
    public void Analyze_StrengthAimedAtAFlag_IsListedAsAddressingIt()
    {
        var sheet = TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Support = 1 }, TestSheets.EconomicBuyer()) with
        {
            Strengths = [new SheetStrength("Local support centre", ["coach-weak"]), new SheetStrength("Reference site", ["coach-weak", "stale"])],
        };

        var flag = _analyzer.Analyze(sheet, TestSheets.AsOf).RedFlags.ShouldHaveSingleItem();

        flag.Id.ShouldBe("coach-weak");
        flag.AddressedBy.ShouldBe(["Local support centre", "Reference site"]);
    }

    [Fact]
    public void Analyze_ModesOfActiveInfluences_SplitIntoReceptiveAndUnreceptive()
    {
        var sheet = TestSheets.Textbook().WithInfluences(
            TestSheets.Person("g") with { Mode = ResponseMode.Growth },
            TestSheets.Person("e") with { Mode = ResponseMode.EvenKeel },
            TestSheets.Person("t") with { Mode = ResponseMode.Trouble },
            TestSheets.Person("o") with { Mode = ResponseMode.Overconfident },
            TestSheets.Person("u") with { Mode = ResponseMode.Unknown },
            TestSheets.Person("gone") with { Mode = ResponseMode.Growth, Status = PersonStatus.LeftCompany });

        var analysis = _analyzer.Analyze(sheet, TestSheets.AsOf);

        analysis.Receptive.Select(i => i.Id).ShouldBe(["g", "t"]);
        analysis.Unreceptive.Select(i => i.Id).ShouldBe(["e", "o"]);
    }

    [Fact]
    public void Analyze_BestFewWithAFlag_IsPrematureAndOnlyEarnsIn()
    {
        var sheet = TestSheets.Textbook() with { Strengths = [] };

        var funnel = _analyzer.Analyze(sheet, TestSheets.AsOf).Funnel;

        funnel.Premature.ShouldBeTrue();
        funnel.Unmet.ShouldBe([FunnelPrerequisite.RedFlags]);
        funnel.HighestMet.ShouldBe(FunnelLevel.In);
    }

    private sealed class FunnelVerdictComparer : IEqualityComparer<FunnelVerdict>
    {
        public bool Equals(FunnelVerdict? x, FunnelVerdict? y) =>
            x is not null && y is not null && x.Level == y.Level && x.Premature == y.Premature && x.HighestMet == y.HighestMet && x.Unmet.SequenceEqual(y.Unmet);

        public int GetHashCode(FunnelVerdict obj) => obj.Level.GetHashCode();
    }
}
