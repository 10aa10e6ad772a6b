namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>needs-not-landed</c>: some leaf of the needs tree names no solution of ours (self-check 3-1, third question: does
/// every concrete problem land on something we offer?). Fires once; the flag carries how many leaves are unlanded.
/// </summary>
public sealed class NeedsNotLanded : Version2Rule
{
    public override string Id => "needs-not-landed";
    public override RedFlagSeverity Severity => RedFlagSeverity.Info;

    protected override void FindOnVersion2(RuleContext context, List<RedFlag> found)
    {
        if (context.NeedsChecks is { Landed: false } checks) found.Add(new RedFlag(Id, null) { Count = checks.UnlandedLeaves });
    }
}
