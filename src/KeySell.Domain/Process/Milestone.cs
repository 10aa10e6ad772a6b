namespace KeySell.Domain.Process;

/// <summary>
/// The strategic sales process milestones (战略销售过程, METHODOLOGY §2), declared in the method's order: the order
/// is the meaning (the next milestone is the first one of this order not yet done).
/// </summary>
public enum Milestone
{
    ConfirmOpportunity = 0,
    PreCallResearch = 1,
    DiscoverPain = 2,
    NeedsAnalysis = 3,
    EvaluatePlan = 4,
    SummarizeProblems = 5,
    FindEvidence = 6,
    RefineProposal = 7,
    DefineSuccessCriteria = 8,
    Approvals = 9,
    DraftProposal = 10,
    SuccessMeasured = 11,
    Agreement = 12,
}

/// <summary>The four steps to a successful sale (销售成功的四个步骤), with execution as the last, in the method's order.</summary>
public enum SellingStep
{
    AnalyzeSituation = 0,
    SetObjective = 1,
    ConsiderOptions = 2,
    ChooseAndPlan = 3,
    Execute = 4,
}
