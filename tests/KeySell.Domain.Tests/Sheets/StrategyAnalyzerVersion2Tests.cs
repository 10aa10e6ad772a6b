using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Process;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Tests.Sheets;

/// <summary>The rules of version 2 in the whole analysis: their place in the order, and the needs, calls and milestones parts.</summary>
public sealed class StrategyAnalyzerVersion2Tests
{
    private static readonly DateOnly AsOf = TestSheets.AsOf;
    private readonly StrategyAnalyzer _analyzer = StrategyAnalyzer.Default;

    [Fact]
    public void Analyze_TextbookVersion2Deal_FindsNoRedFlag() => _analyzer.Analyze(TestSheets.TextbookV2(), AsOf).RedFlags.ShouldBeEmpty();

    [Fact]
    public void Analyze_EveryVersion2Rule_FiresAfterPoorFitAndBeforeManualInTheContractsOrder()
    {
        var sheet = TestSheets.TextbookV2().WithInfluences(TestSheets.Coach(), TestSheets.EconomicBuyer()) with
        {
            Actions = [TestSheets.Action("a1", AsOf.AddDays(-3), influence: "li-wei") with { Status = ActionStatus.Open }, TestSheets.Action("a2", AsOf.AddDays(-1))],
            Calls = [TestSheets.Call("c1", AsOf.AddDays(-9), CallStatus.Done, CallOutcome.Continuation), TestSheets.Call("c2", AsOf.AddDays(-2), CallStatus.Done, CallOutcome.Continuation)],
            Needs = new SheetNeeds(null, [TestSheets.Branch(NeedLayer.Finance, TestSheets.Leaf("a", null))]),
            Objections = [new SheetObjection("li-wei", "Price", ObjectionStatus.Open) { Steps = [ObjectionStep.Answered], Answer = ObjectionAnswer.ProductClaim }],
            RedFlags = [new SheetRedFlag("Rumour", null)],
        };
        sheet = sheet.WithOpportunity(o => o with { IdealCustomerScore = -1m });

        var flags = _analyzer.Analyze(sheet, AsOf).RedFlags.Select(f => (f.Id, f.Influence?.Id)).ToList();

        flags.ShouldBe([
            ("open-objection", "li-wei"), ("poor-fit", null),
            ("overdue-action", "li-wei"), ("overdue-action", null), ("continuation-only", null),
            ("needs-not-rooted", null), ("needs-not-decomposed", null), ("needs-not-landed", null),
            ("objection-unconfirmed", "li-wei"), ("objection-unproven", "li-wei"), ("no-top-officer", null), ("manual", null),
        ]);
    }

    [Fact]
    public void Analyze_NoNextStep_ComesRightAfterPoorFit()
    {
        var sheet = (TestSheets.TextbookV2() with { Actions = [] }).WithOpportunity(o => o with { IdealCustomerScore = -1m });

        _analyzer.Analyze(sheet, AsOf).RedFlags.Select(f => f.Id).ShouldBe(["poor-fit", "no-next-step"]);
    }

    [Fact]
    public void Analyze_Version1Sheet_HasNoVersion2Parts()
    {
        var analysis = _analyzer.Analyze(TestSheets.Textbook(), AsOf);

        analysis.Needs.ShouldBeNull();
        analysis.Calls.ShouldBeNull();
        analysis.Milestones.ShouldBeNull();
    }

    [Fact]
    public void Analyze_Version2SheetWithoutTree_HasNullNeedsAndEmptyCallsAndMilestones()
    {
        var analysis = _analyzer.Analyze(TestSheets.TextbookV2(), AsOf);

        analysis.Needs.ShouldBeNull();
        analysis.Calls.ShouldBe(new CallsSummary(0, 0, 0, null));
        analysis.Milestones!.Done.ShouldBeEmpty();
        analysis.Milestones.Next.ShouldBe(Milestone.ConfirmOpportunity);
    }

    [Fact]
    public void Analyze_Tree_GivesTheThreeChecksAndTheCounts()
    {
        // Layers in first-appearance order; leaves: a (landed), b (blank), the process branch (no children, no solution).
        var needs = new SheetNeeds("12-day close", [
            TestSheets.Branch(NeedLayer.Process, TestSheets.Leaf("a"), TestSheets.Leaf("b", " ")),
            TestSheets.Branch(NeedLayer.Finance),
            TestSheets.Branch(NeedLayer.Process, TestSheets.Leaf("c")),
        ]);

        var checks = _analyzer.Analyze(TestSheets.TextbookV2() with { Needs = needs }, AsOf).Needs.ShouldNotBeNull();

        (checks.Rooted, checks.Decomposed, checks.Landed, checks.Leaves, checks.UnlandedLeaves).ShouldBe((true, false, false, 4, 2));
        checks.Layers.ShouldBe([NeedLayer.Process, NeedLayer.Finance]);
    }

    [Fact]
    public void Analyze_Calls_CountsHeldOutcomesAndFindsTheNextPlannedCallFromAsOf()
    {
        var sheet = TestSheets.TextbookV2() with
        {
            Calls =
            [
                TestSheets.Call("c1", AsOf.AddDays(-30), CallStatus.Done, CallOutcome.Advance),
                TestSheets.Call("c2", AsOf.AddDays(-20), CallStatus.Done, CallOutcome.Continuation),
                TestSheets.Call("c3", AsOf.AddDays(-10), CallStatus.Done, CallOutcome.NoSale),
                TestSheets.Call("c4", AsOf.AddDays(-5), CallStatus.Done),
                TestSheets.Call("c5", AsOf.AddDays(-1)),
                TestSheets.Call("c6", AsOf.AddDays(9)),
                TestSheets.Call("c7", AsOf, CallStatus.Cancelled),
                TestSheets.Call("c8", AsOf.AddDays(4)),
            ],
        };

        _analyzer.Analyze(sheet, AsOf).Calls.ShouldBe(new CallsSummary(4, 1, 1, AsOf.AddDays(4)));
    }

    [Fact]
    public void Analyze_PlannedCallOnAsOf_IsTheNextCall() =>
        _analyzer.Analyze(TestSheets.TextbookV2() with { Calls = [TestSheets.Call("c1", AsOf.AddDays(3)), TestSheets.Call("c2", AsOf)] }, AsOf)
            .Calls!.NextCall.ShouldBe(AsOf);

    [Fact]
    public void Analyze_Milestones_DoneInTheMethodsOrderAndTheFirstNotDoneIsNext()
    {
        var sheet = TestSheets.TextbookV2() with
        {
            Milestones =
            [
                new SheetMilestone(Milestone.DiscoverPain, AsOf.AddDays(-5), null),
                new SheetMilestone(Milestone.ConfirmOpportunity, AsOf.AddDays(-50), "budget seen"),
                new SheetMilestone(Milestone.PreCallResearch, null, "started"),
                new SheetMilestone(Milestone.NeedsAnalysis, AsOf.AddDays(-1), null),
            ],
        };

        var progress = _analyzer.Analyze(sheet, AsOf).Milestones!;

        progress.Done.ShouldBe([Milestone.ConfirmOpportunity, Milestone.DiscoverPain, Milestone.NeedsAnalysis]);
        progress.Next.ShouldBe(Milestone.PreCallResearch);
    }

    [Fact]
    public void Analyze_AllMilestonesDone_HasNoNext()
    {
        var sheet = TestSheets.TextbookV2() with { Milestones = [.. Enum.GetValues<Milestone>().Reverse().Select(m => new SheetMilestone(m, AsOf, null))] };

        var progress = _analyzer.Analyze(sheet, AsOf).Milestones!;

        progress.Done.ShouldBe(Enum.GetValues<Milestone>());
        progress.Next.ShouldBeNull();
    }

    private static readonly StrategyAnalyzer Version1Rules = new(AnalysisSettings.Default,
        [.. StrategyAnalyzer.ContractRules.Where(r => RedFlagIds.Version1.Contains(r.Id))]);

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Analyze_Version1Sheet_JudgesExactlyAsTheVersion1Rules(StrategySheet sheet)
    {
        var all = StrategyAnalyzer.Default.Analyze(sheet, AsOf).RedFlags.Select(Key).ToList();
        var version1 = Version1Rules.Analyze(sheet, AsOf).RedFlags.Select(Key).ToList();

        return sheet.Version == 1 && all.SequenceEqual(version1) && !all.Any(k => RedFlagIds.Version2Only.Contains(k.Id));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Analyze_SameSheetMarkedVersion2_DiffersOnlyByVersion2Flags(StrategySheet sheet)
    {
        var version1 = StrategyAnalyzer.Default.Analyze(sheet, AsOf).RedFlags.Select(Key).ToList();
        var version2 = StrategyAnalyzer.Default.Analyze(sheet with { Version = 2 }, AsOf).RedFlags.Select(Key).ToList();

        return version2.Where(k => !RedFlagIds.Version2Only.Contains(k.Id)).SequenceEqual(version1);
    }

    private static (string Id, string? Influence, string? Text) Key(RedFlag flag) => (flag.Id, flag.Influence?.Id, flag.Text ?? flag.Objection?.Text);

    public static class Arbitraries
    {
        public static Arbitrary<StrategySheet> Sheet() => SheetGenerators.Sheet();
    }
}
