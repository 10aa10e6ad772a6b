namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>needs-not-rooted</c>: the needs tree has branches but no current state to grow from (self-check 3-1, first
/// question: do we know where the customer stands today?).
/// </summary>
public sealed class NeedsNotRooted : Version2Rule
{
    public override string Id => "needs-not-rooted";
    public override RedFlagSeverity Severity => RedFlagSeverity.Info;

    protected override void FindOnVersion2(RuleContext context, List<RedFlag> found)
    {
        if (context.NeedsChecks is { Rooted: false }) found.Add(new RedFlag(Id, null));
    }
}
