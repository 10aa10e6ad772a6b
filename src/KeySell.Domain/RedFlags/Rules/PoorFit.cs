namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>poor-fit</c>: the account scores below the team's ideal-customer threshold (理想客户).</summary>
public sealed class PoorFit : PerSheetRule
{
    public override string Id => "poor-fit";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override bool Fires(RuleContext context) =>
        context.Sheet.Opportunity.IdealCustomerScore is { } score && score < context.Settings.FitThreshold;
}
