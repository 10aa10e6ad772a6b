namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>needs-not-decomposed</c>: the first-level branches of the needs tree cover fewer than three of the company's
/// layers (self-check 3-1, second question: is the big problem broken down through the company?).
/// </summary>
public sealed class NeedsNotDecomposed : Version2Rule
{
    public override string Id => "needs-not-decomposed";
    public override RedFlagSeverity Severity => RedFlagSeverity.Info;

    protected override void FindOnVersion2(RuleContext context, List<RedFlag> found)
    {
        if (context.NeedsChecks is { Decomposed: false }) found.Add(new RedFlag(Id, null));
    }
}
