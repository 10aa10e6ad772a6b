using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>technical-veto</c>: a technical buyer cannot say yes but can say no (技术把关者可以否决).</summary>
public sealed class TechnicalVeto : PerInfluenceRule
{
    public override string Id => "technical-veto";
    public override RedFlagSeverity Severity => RedFlagSeverity.Critical;

    protected override bool Fires(SheetInfluence influence, RuleContext context) =>
        influence.Has(BuyingRoles.Technical) && influence.Support < 0;
}
