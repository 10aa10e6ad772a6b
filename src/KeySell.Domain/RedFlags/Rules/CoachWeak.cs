using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>coach-weak</c>: a coach with low influence gives too little information (教练信息不足), and one
/// whose support is below +3 does not truly want us to win.
/// </summary>
public sealed class CoachWeak : PerInfluenceRule
{
    public const int MinimumSupport = 3;

    public override string Id => "coach-weak";

    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override bool Fires(SheetInfluence influence, RuleContext context) =>
        influence.Has(BuyingRoles.Coach) && (influence.Influence == InfluenceLevel.Low || influence.Support < MinimumSupport);
}
