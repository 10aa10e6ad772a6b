using KeySell.Domain.Opportunities;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>not-win-win</c>: only win-win is acceptable; any other outcome costs the next deal.</summary>
public sealed class NotWinWin : PerSheetRule
{
    public override string Id => "not-win-win";
    public override RedFlagSeverity Severity => RedFlagSeverity.Critical;

    protected override bool Fires(RuleContext context) =>
        context.Sheet.Opportunity.ExpectedOutcome is { } outcome && outcome != ExpectedOutcome.WinWin;
}
