using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>unreceptive-economic-buyer</c>: the economic buyer sees no gap between reality and the results
/// they want (even keel or overconfident): no discrepancy, no sale.
/// </summary>
public sealed class UnreceptiveEconomicBuyer : PerInfluenceRule
{
    public override string Id => "unreceptive-economic-buyer";
    public override RedFlagSeverity Severity => RedFlagSeverity.Critical;

    protected override bool Fires(SheetInfluence influence, RuleContext context) =>
        influence.Has(BuyingRoles.Economic) && influence.Mode.IsUnreceptive();
}
