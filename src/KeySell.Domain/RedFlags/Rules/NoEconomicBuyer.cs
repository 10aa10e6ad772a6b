using KeySell.Domain.BuyingInfluences;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>no-economic-buyer</c>: we do not know who gives the final approval (决策者).</summary>
public sealed class NoEconomicBuyer : PerSheetRule
{
    public override string Id => "no-economic-buyer";
    public override RedFlagSeverity Severity => RedFlagSeverity.Critical;

    protected override bool Fires(RuleContext context) => !context.AnyActive(i => i.Has(BuyingRoles.Economic));
}
