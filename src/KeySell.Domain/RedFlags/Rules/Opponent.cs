using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>opponent</c>: support −4 or −5; this person works against us.</summary>
public sealed class Opponent : PerInfluenceRule
{
    public const int Threshold = -4;

    public override string Id => "opponent";

    public override RedFlagSeverity Severity => RedFlagSeverity.Critical;

    protected override bool Fires(SheetInfluence influence, RuleContext context) => influence.Support <= Threshold;
}
