namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>no-strength</c>: nothing sets us apart (no 小铃铛), so nothing removes the red flags.</summary>
public sealed class NoStrength : PerSheetRule
{
    public override string Id => "no-strength";
    public override RedFlagSeverity Severity => RedFlagSeverity.Info;

    protected override bool Fires(RuleContext context) => context.Sheet.Strengths.Count == 0;
}
