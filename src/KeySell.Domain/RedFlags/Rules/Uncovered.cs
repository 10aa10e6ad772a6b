using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>uncovered</c>: an influence we have never met is an uncovered base.</summary>
public sealed class Uncovered : PerInfluenceRule
{
    public override string Id => "uncovered";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override bool Fires(SheetInfluence influence, RuleContext context) => influence.Contact == ContactLevel.None;
}
