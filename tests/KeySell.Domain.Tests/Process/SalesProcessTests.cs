using KeySell.Domain.Common;
using KeySell.Domain.Process;

namespace KeySell.Domain.Tests.Process;

public sealed class SalesProcessTests
{
    // The mapping written out by hand from METHODOLOGY §2 and the course's figures 1-1 and 1-2 (see SalesProcess).
    [Theory]
    [InlineData("confirm-opportunity", "analyze-situation")]
    [InlineData("pre-call-research", "analyze-situation")]
    [InlineData("discover-pain", "analyze-situation")]
    [InlineData("needs-analysis", "analyze-situation")]
    [InlineData("evaluate-plan", "set-objective")]
    [InlineData("summarize-problems", "set-objective")]
    [InlineData("find-evidence", "consider-options")]
    [InlineData("refine-proposal", "consider-options")]
    [InlineData("define-success-criteria", "choose-and-plan")]
    [InlineData("approvals", "choose-and-plan")]
    [InlineData("draft-proposal", "choose-and-plan")]
    [InlineData("success-measured", "execute")]
    [InlineData("agreement", "execute")]
    public void StepOf_EachMilestone_FallsToTheStepItServes(string milestone, string step) =>
        SalesProcess.StepOf(MethodIds.Parse<Milestone>(milestone)).ToId().ShouldBe(step);

    [Fact]
    public void Milestones_AreTheThirteenInTheMethodsOrder() =>
        SalesProcess.Milestones.Select(m => m.ToId()).ShouldBe([
            "confirm-opportunity", "pre-call-research", "discover-pain", "needs-analysis", "evaluate-plan", "summarize-problems",
            "find-evidence", "refine-proposal", "define-success-criteria", "approvals", "draft-proposal", "success-measured", "agreement"]);

    [Fact]
    public void StepOf_AlongTheMethodsOrder_NeverGoesBack()
    {
        var steps = SalesProcess.Milestones.Select(SalesProcess.StepOf).ToList();
        steps.ShouldBe(steps.OrderBy(s => s).ToList());
        steps.Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void Standing_NothingDone_FirstStepAndFirstMilestone()
    {
        var standing = SalesProcess.Standing([]);
        standing.ShouldBe(new ProcessStanding(SellingStep.AnalyzeSituation, Milestone.ConfirmOpportunity));
        standing.StateOf(SellingStep.AnalyzeSituation).ShouldBe(StepState.Current);
        standing.StateOf(SellingStep.SetObjective).ShouldBe(StepState.Ahead);
    }

    [Fact]
    public void Standing_FirstFourDone_SetObjectiveWithEvaluatePlanNext()
    {
        var standing = SalesProcess.Standing([Milestone.ConfirmOpportunity, Milestone.PreCallResearch, Milestone.DiscoverPain, Milestone.NeedsAnalysis]);
        standing.ShouldBe(new ProcessStanding(SellingStep.SetObjective, Milestone.EvaluatePlan));
        standing.StateOf(SellingStep.AnalyzeSituation).ShouldBe(StepState.Behind);
        standing.StateOf(SellingStep.SetObjective).ShouldBe(StepState.Current);
        standing.StateOf(SellingStep.Execute).ShouldBe(StepState.Ahead);
    }

    [Fact]
    public void Standing_LaterMilestoneTickedEarly_TheGapStillDecides()
    {
        // The agreement ticked while pre-call research is not: the deal has not left the analysis of its situation.
        var standing = SalesProcess.Standing([Milestone.ConfirmOpportunity, Milestone.Agreement]);
        standing.ShouldBe(new ProcessStanding(SellingStep.AnalyzeSituation, Milestone.PreCallResearch));
    }

    [Fact]
    public void Standing_AllButAgreement_ExecuteWithAgreementNext() =>
        SalesProcess.Standing(SalesProcess.Milestones.Where(m => m != Milestone.Agreement))
            .ShouldBe(new ProcessStanding(SellingStep.Execute, Milestone.Agreement));

    [Fact]
    public void Standing_AllDone_CompleteAndEveryStepBehind()
    {
        var standing = SalesProcess.Standing(SalesProcess.Milestones);
        standing.IsComplete.ShouldBeTrue();
        standing.Next.ShouldBeNull();
        SalesProcess.Steps.ShouldAllBe(s => standing.StateOf(s) == StepState.Behind);
    }

    [Fact]
    public void MilestonesOf_ChooseAndPlan_TheThreeInOrder() =>
        SalesProcess.MilestonesOf(SellingStep.ChooseAndPlan).ShouldBe([Milestone.DefineSuccessCriteria, Milestone.Approvals, Milestone.DraftProposal]);
}
