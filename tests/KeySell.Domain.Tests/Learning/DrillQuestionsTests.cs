using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Learning;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.Learning;

/// <summary>
/// Drill questions about fixed deals, their answers worked out by hand from the method (funnel contract's severities,
/// §6's receptive modes, the funnel principle), not read from the engine.
/// </summary>
public class DrillQuestionsTests
{
    private static SheetAnalysis Judge(StrategySheet sheet) => StrategyAnalyzer.Default.Analyze(sheet, TestSheets.AsOf);

    /// <summary>Only an economic buyer, in even-keel mode, on a deal in the funnel: no coach (a warning) and an
    /// unreceptive economic buyer (critical) among its flags.</summary>
    private static StrategySheet EvenKeelBuyerAlone() =>
        TestSheets.Textbook().WithInfluences(TestSheets.EconomicBuyer() with { Mode = ResponseMode.EvenKeel })
            .WithOpportunity(o => o with { FunnelLevel = FunnelLevel.In });

    [Fact]
    public void Applies_TextbookDealWithoutFlags_AsksNoRedFlagOrNextStepButTheBuyerAndTheFunnel()
    {
        var analysis = Judge(TestSheets.Textbook());

        DrillQuestions.Applies(DrillTopic.RedFlag, analysis).ShouldBeFalse();
        DrillQuestions.Applies(DrillTopic.NextStep, analysis).ShouldBeFalse();
        DrillQuestions.Applies(DrillTopic.EconomicBuyer, analysis).ShouldBeTrue();
        DrillQuestions.Applies(DrillTopic.FunnelLevel, analysis).ShouldBeTrue();
    }

    [Fact]
    public void Applies_NoEconomicBuyerOnTheSheet_DoesNotAskWhoItIs()
    {
        var analysis = Judge(TestSheets.Textbook().WithInfluences(TestSheets.Coach()));

        DrillQuestions.Applies(DrillTopic.EconomicBuyer, analysis).ShouldBeFalse();
    }

    [Fact]
    public void Applies_WonDeal_DoesNotAskItsFunnelLevel()
    {
        var analysis = Judge(TestSheets.Textbook().WithOpportunity(o => o with { FunnelLevel = FunnelLevel.Won }));

        DrillQuestions.Applies(DrillTopic.FunnelLevel, analysis).ShouldBeFalse();
    }

    [Fact]
    public void GradeRedFlag_NoCoachOnADealWithoutOne_IsRightAndAFlagThatDoesNotFireIsWrong()
    {
        var analysis = Judge(EvenKeelBuyerAlone());

        DrillQuestions.GradeRedFlag(analysis, "no-coach").ShouldBe(new SelfCheckGrade(1m, ["no-coach"], []), new GradeComparer());
        var wrong = DrillQuestions.GradeRedFlag(analysis, "opponent");
        wrong.Score.ShouldBe(0m);
        wrong.Wrong.ShouldBe(["opponent"]);
    }

    [Fact]
    public void GradeNextStep_CriticalUnreceptiveBuyerBesideAWarning_TheCriticalOneComesFirst()
    {
        var analysis = Judge(EvenKeelBuyerAlone());

        DrillQuestions.GradeNextStep(analysis, "unreceptive-economic-buyer").Score.ShouldBe(1m);
        // No coach fires too, but only as a warning: not what the next step addresses first.
        DrillQuestions.GradeNextStep(analysis, "no-coach").Score.ShouldBe(0m);
        DrillQuestions.GradeNextStep(analysis, "opponent").Score.ShouldBe(0m);
        DrillQuestions.FirstToAddress(analysis)!.Id.ShouldBe("unreceptive-economic-buyer");
    }

    [Fact]
    public void GradeEconomicBuyer_RightPersonInGrowthMode_BothPartsRight()
    {
        var analysis = Judge(TestSheets.Textbook());

        var grade = DrillQuestions.GradeEconomicBuyer(analysis, "li-wei", Receptiveness.Receptive);

        grade.Score.ShouldBe(1m);
        grade.Correct.ShouldBe(["economic-buyer", "receptive"]);
    }

    [Fact]
    public void GradeEconomicBuyer_RightPersonCalledUnreceptive_HalfRight()
    {
        var grade = DrillQuestions.GradeEconomicBuyer(Judge(TestSheets.Textbook()), "li-wei", Receptiveness.Unreceptive);

        grade.Score.ShouldBe(0.5m);
        grade.Wrong.ShouldBe(["receptive"]);
    }

    [Fact]
    public void GradeEconomicBuyer_CoachChosenButTheBuyersModeRight_HalfRight()
    {
        // Wang Fang is coach, user and technical buyer, not the economic buyer; Li Wei (growth) is receptive.
        var grade = DrillQuestions.GradeEconomicBuyer(Judge(TestSheets.Textbook()), "wang-fang", Receptiveness.Receptive);

        grade.Score.ShouldBe(0.5m);
        grade.Wrong.ShouldBe(["economic-buyer"]);
        grade.Correct.ShouldBe(["receptive"]);
    }

    [Fact]
    public void GradeEconomicBuyer_ModeNotRecorded_UnknownIsTheRightAnswer()
    {
        var sheet = TestSheets.Textbook().WithInfluences(TestSheets.Coach(), TestSheets.EconomicBuyer() with { Mode = ResponseMode.Unknown });

        DrillQuestions.GradeEconomicBuyer(Judge(sheet), "li-wei", Receptiveness.Unknown).Score.ShouldBe(1m);
        DrillQuestions.GradeEconomicBuyer(Judge(sheet), "li-wei", Receptiveness.Receptive).Score.ShouldBe(0.5m);
    }

    [Fact]
    public void GradeFunnelLevel_TextbookDeal_HasEarnedTheBestFew()
    {
        // Complete objective, receptive people, no red flag.
        var analysis = Judge(TestSheets.Textbook());

        DrillQuestions.GradeFunnelLevel(analysis, FunnelLevel.BestFew).Score.ShouldBe(1m);
        DrillQuestions.GradeFunnelLevel(analysis, FunnelLevel.In).Score.ShouldBe(0m);
    }

    [Fact]
    public void GradeFunnelLevel_NobodyReceptive_HasEarnedOnlyAboveTheFunnel()
    {
        var sheet = TestSheets.Textbook().WithInfluences(
            TestSheets.Coach() with { Mode = ResponseMode.EvenKeel }, TestSheets.EconomicBuyer() with { Mode = ResponseMode.Overconfident });

        var analysis = Judge(sheet);

        DrillQuestions.GradeFunnelLevel(analysis, FunnelLevel.Above).Score.ShouldBe(1m);
        DrillQuestions.GradeFunnelLevel(analysis, FunnelLevel.BestFew).Score.ShouldBe(0m);
    }

    [Fact]
    public void GradeFunnelLevel_ReceptiveButFlagged_HasEarnedInTheFunnel()
    {
        DrillQuestions.GradeFunnelLevel(Judge(TestSheets.Textbook().WithInfluences(TestSheets.EconomicBuyer())), FunnelLevel.In).Score.ShouldBe(1m);
    }

    [Fact]
    public void ChoicesFor_EconomicBuyer_OffersTheActivePeopleOnly()
    {
        var sheet = TestSheets.Textbook(TestSheets.Person("gone") with { Status = KeySell.Domain.OrgCharts.PersonStatus.LeftCompany });

        DrillQuestions.ChoicesFor(DrillTopic.EconomicBuyer, Judge(sheet), new Random(1)).ShouldBe(["wang-fang", "li-wei"]);
    }

    [Fact]
    public void ChoicesFor_FunnelLevel_TheThreeEarnableLevelsInFunnelOrder()
    {
        DrillQuestions.ChoicesFor(DrillTopic.FunnelLevel, Judge(TestSheets.Textbook()), new Random(1)).ShouldBe(["above", "in", "best-few"]);
    }

    [Property]
    public Property ChoicesFor_RedFlag_AnySeed_FourDistinctChoicesOfWhichExactlyOneFires(int seed)
    {
        var analysis = Judge(EvenKeelBuyerAlone());
        var choices = DrillQuestions.ChoicesFor(DrillTopic.RedFlag, analysis, new Random(seed));
        var fired = analysis.RedFlags.Select(f => f.Id).ToHashSet();
        return (choices.Count == 4 && choices.Distinct().Count() == 4 && choices.Count(fired.Contains) == 1).ToProperty();
    }

    [Property]
    public Property ChoicesFor_NextStep_AnySeed_ExactlyOneChoiceIsRight(int seed)
    {
        var analysis = Judge(EvenKeelBuyerAlone());
        var choices = DrillQuestions.ChoicesFor(DrillTopic.NextStep, analysis, new Random(seed));
        return (choices.Count == 4 && choices.Distinct().Count() == 4
                && choices.Count(c => DrillQuestions.GradeNextStep(analysis, c).Score == 1m) == 1).ToProperty();
    }

    private sealed class GradeComparer : IEqualityComparer<SelfCheckGrade>
    {
        public bool Equals(SelfCheckGrade? x, SelfCheckGrade? y) =>
            x is not null && y is not null && x.Score == y.Score && x.Correct.SequenceEqual(y.Correct) && x.Wrong.SequenceEqual(y.Wrong);

        public int GetHashCode(SelfCheckGrade obj) => obj.Score.GetHashCode();
    }
}
