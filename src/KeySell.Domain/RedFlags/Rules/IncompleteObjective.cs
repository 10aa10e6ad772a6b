namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>incomplete-objective</c>: the single sales objective lacks what, how much or by when.</summary>
public sealed class IncompleteObjective : PerSheetRule
{
    public override string Id => "incomplete-objective";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override bool Fires(RuleContext context) => !context.Sheet.Opportunity.Objective.IsComplete;
}
