using KeySell.Domain.BuyingInfluences;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>no-coach</c>: nobody inside guides us (教练/内线), so we sell blind.</summary>
public sealed class NoCoach : PerSheetRule
{
    public override string Id => "no-coach";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override bool Fires(RuleContext context) => !context.AnyActive(i => i.Has(BuyingRoles.Coach));
}
