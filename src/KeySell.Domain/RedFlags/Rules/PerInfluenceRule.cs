using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>A rule that concerns one person: it fires at most once per active influence, in input order.</summary>
public abstract class PerInfluenceRule : IRedFlagRule
{
    public abstract string Id { get; }

    public abstract RedFlagSeverity Severity { get; }

    protected abstract bool Fires(SheetInfluence influence, RuleContext context);

    public void Find(RuleContext context, List<RedFlag> found)
    {
        foreach (var influence in context.Sheet.Influences)
        {
            if (influence.IsActive && Fires(influence, context)) found.Add(new RedFlag(Id, influence));
        }
    }
}

/// <summary>A rule about the whole deal: it fires at most once per sheet.</summary>
public abstract class PerSheetRule : IRedFlagRule
{
    public abstract string Id { get; }

    public abstract RedFlagSeverity Severity { get; }

    protected abstract bool Fires(RuleContext context);

    public void Find(RuleContext context, List<RedFlag> found)
    {
        if (Fires(context)) found.Add(new RedFlag(Id, null));
    }
}
