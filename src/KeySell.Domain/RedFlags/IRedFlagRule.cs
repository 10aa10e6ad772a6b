namespace KeySell.Domain.RedFlags;

/// <summary>
/// One rule of the contract. A rule adds its flags in influence order; the analysis runs the
/// rules in the contract's order, which gives the contract's ordering of the output.
/// </summary>
public interface IRedFlagRule
{
    /// <summary>The stable red-flag id, e.g. <c>coach-weak</c>.</summary>
    string Id { get; }

    /// <summary>How much the flag threatens the deal (the contract's severity of the rule).</summary>
    RedFlagSeverity Severity { get; }

    void Find(RuleContext context, List<RedFlag> found);
}
