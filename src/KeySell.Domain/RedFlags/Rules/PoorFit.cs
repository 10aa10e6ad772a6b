namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>poor-fit</c>: the account scores below the team's ideal-customer threshold (理想客户).</summary>
public sealed class PoorFit : PerSheetRule
{
    public override string Id => "poor-fit";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override bool Fires(RuleContext context) => IsPoorFit(context.Sheet.Opportunity.IdealCustomerScore, context.Settings);

    /// <summary>Whether an account with this score is a poor fit: only this, not the score itself, reaches the analysis.</summary>
    public static bool IsPoorFit(decimal? score, AnalysisSettings settings) => score is { } s && s < settings.FitThreshold;
}
