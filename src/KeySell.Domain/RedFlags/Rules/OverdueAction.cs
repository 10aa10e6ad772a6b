using KeySell.Domain.Actions;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>overdue-action</c>: an open action whose due day has passed (before as-of), one flag per action in input order.</summary>
public sealed class OverdueAction : Version2Rule
{
    public override string Id => "overdue-action";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override void FindOnVersion2(RuleContext context, List<RedFlag> found)
    {
        foreach (var action in context.Sheet.Actions)
        {
            if (ActionDue.IsOverdue(action.Status, action.Due, context.AsOf))
                found.Add(new RedFlag(Id, context.InfluenceOf(action.Influence)) { Action = action });
        }
    }
}
