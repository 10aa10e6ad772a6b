using KeySell.Domain.Opportunities;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// A rule added by version 2 of the sheet format: it judges version-2 sheets only, so a version-1 sheet is judged
/// exactly as version 1 always judged it.
/// </summary>
public abstract class Version2Rule : IRedFlagRule
{
    public abstract string Id { get; }

    public abstract RedFlagSeverity Severity { get; }

    public void Find(RuleContext context, List<RedFlag> found)
    {
        if (context.Sheet.IsVersion2) FindOnVersion2(context, found);
    }

    protected abstract void FindOnVersion2(RuleContext context, List<RedFlag> found);

    /// <summary>"Open" opportunities are those still in the funnel: universe, above, in or best-few.</summary>
    protected static bool IsOpen(FunnelLevel level) => level is FunnelLevel.Universe or FunnelLevel.Above or FunnelLevel.In or FunnelLevel.BestFew;
}
