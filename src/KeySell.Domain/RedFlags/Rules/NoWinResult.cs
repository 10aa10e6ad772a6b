using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>no-win-result</c>: people, not companies, win; we do not know what this person wins.</summary>
public sealed class NoWinResult : PerInfluenceRule
{
    public override string Id => "no-win-result";
    public override RedFlagSeverity Severity => RedFlagSeverity.Info;

    protected override bool Fires(SheetInfluence influence, RuleContext context) => influence.Wins.Count == 0;
}
