namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>stale</c>: nobody on the customer side has heard from us within the window.</summary>
public sealed class Stale : PerSheetRule
{
    public override string Id => "stale";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override bool Fires(RuleContext context) => !context.AnyActive(i => context.IsWithinStaleWindow(i.LastContact));
}
