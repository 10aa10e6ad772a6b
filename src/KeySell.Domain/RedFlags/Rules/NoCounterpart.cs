using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>no-counterpart</c>: a powerful influence (or the economic buyer) nobody of ours owns (对应者).</summary>
public sealed class NoCounterpart : PerInfluenceRule
{
    public override string Id => "no-counterpart";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override bool Fires(SheetInfluence influence, RuleContext context) =>
        (influence.Influence == InfluenceLevel.High || influence.Has(BuyingRoles.Economic)) && string.IsNullOrWhiteSpace(influence.Counterpart);
}
