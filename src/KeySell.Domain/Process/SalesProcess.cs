namespace KeySell.Domain.Process;

/// <summary>
/// Where a deal stands in the method: the next milestone of the strategic sales process (战略销售过程) and the one of
/// the four steps to a successful sale (销售成功的四个步骤) that milestone belongs to (METHODOLOGY §2).
/// </summary>
/// <remarks>
/// The course draws the milestones as one flow (figure 1-1) and the four steps as the logic behind it (figure 1-2:
/// 分析客户现状 → 确定销售目标 → 考虑可能的销售方式 → 作出选择，制定行动计划 → 实施行动计划). The milestones fall to
/// the steps by what each of them produces:
/// <list type="bullet">
/// <item><b>Analyze the situation</b>: confirming the opportunity, the research before the first call (SWOT, the
/// buying influences), finding the customer's worst pain by asking, and the business needs analysis — all of them
/// learn the customer's current state before anything is proposed.</item>
/// <item><b>Set the objective</b>: evaluating the plan and summarising the problems found — the course sets the sales
/// objective "针对客户存在的问题", against the problems once they are summed up.</item>
/// <item><b>Consider the options</b>: finding the evidence and refining a solution of value — the ways the sale can
/// be made are weighed on evidence before one is chosen.</item>
/// <item><b>Choose and plan</b>: defining the success criteria, the legal/technical/administrative approvals and the
/// draft proposal — the chosen way written down with what it must achieve and who must sign it off.</item>
/// <item><b>Execute</b>: the success criteria measured as met, and the agreement — reached by carrying out the
/// plan, not by planning it.</item>
/// </list>
/// Each step's milestones are consecutive in the method's order, so the steps follow one another as the milestones do.
/// </remarks>
public static class SalesProcess
{
    /// <summary>The milestones in the method's order (the enum's declared order is the method's).</summary>
    public static IReadOnlyList<Milestone> Milestones { get; } = Enum.GetValues<Milestone>().OrderBy(m => (int)m).ToArray();

    public static IReadOnlyList<SellingStep> Steps { get; } = Enum.GetValues<SellingStep>().OrderBy(s => (int)s).ToArray();

    public static SellingStep StepOf(Milestone milestone) => milestone switch
    {
        Milestone.ConfirmOpportunity or Milestone.PreCallResearch or Milestone.DiscoverPain or Milestone.NeedsAnalysis => SellingStep.AnalyzeSituation,
        Milestone.EvaluatePlan or Milestone.SummarizeProblems => SellingStep.SetObjective,
        Milestone.FindEvidence or Milestone.RefineProposal => SellingStep.ConsiderOptions,
        Milestone.DefineSuccessCriteria or Milestone.Approvals or Milestone.DraftProposal => SellingStep.ChooseAndPlan,
        Milestone.SuccessMeasured or Milestone.Agreement => SellingStep.Execute,
        _ => throw new ArgumentOutOfRangeException(nameof(milestone), milestone, null),
    };

    /// <summary>The milestones of one step, in the method's order.</summary>
    public static IReadOnlyList<Milestone> MilestonesOf(SellingStep step) => Milestones.Where(m => StepOf(m) == step).ToArray();

    /// <summary>
    /// Where the deal stands, from the next milestone (<see cref="ProcessProgress"/>, the one home of "next"): the step
    /// of that milestone (a milestone ticked early keeps the deal in the step of the first gap), and the milestone itself.
    /// With every milestone done (<paramref name="next"/> null) the deal stands at <see cref="SellingStep.Execute"/>, complete.
    /// </summary>
    public static ProcessStanding Standing(Milestone? next) => new(next is { } m ? StepOf(m) : SellingStep.Execute, next);

    /// <summary>Where the deal stands with these milestones reached.</summary>
    public static ProcessStanding Standing(IEnumerable<Milestone> done) =>
        Standing(ProcessProgress.Of(done.Select(m => new Sheets.SheetMilestone(m, DateOnly.MinValue, null)).ToList()).Next);
}

/// <summary>The step the deal is in and the next milestone to reach (null: all reached, the process is complete).</summary>
public sealed record ProcessStanding(SellingStep Step, Milestone? Next)
{
    public bool IsComplete => Next is null;

    /// <summary>A step before the current one is behind the deal; the current one is under way; later ones are ahead.</summary>
    public StepState StateOf(SellingStep step) =>
        IsComplete || step < Step ? StepState.Behind : step == Step ? StepState.Current : StepState.Ahead;
}

public enum StepState
{
    Behind = 0,
    Current = 1,
    Ahead = 2,
}
