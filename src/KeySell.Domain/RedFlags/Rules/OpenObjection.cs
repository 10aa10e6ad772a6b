using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>open-objection</c>: a powerful influence still objects. One flag per such objection, ordered by
/// the position of the person who raised it.
/// </summary>
public sealed class OpenObjection : IRedFlagRule
{
    public string Id => "open-objection";
    public RedFlagSeverity Severity => RedFlagSeverity.Warning;

    public void Find(RuleContext context, List<RedFlag> found)
    {
        foreach (var influence in context.Sheet.Influences)
        {
            if (!influence.IsActive || influence.Influence != InfluenceLevel.High) continue;
            foreach (var objection in context.Sheet.Objections)
            {
                if (objection.Status != ObjectionStatus.Resolved && objection.From == influence.Id)
                    found.Add(new RedFlag(Id, influence) { Objection = objection });
            }
        }
    }
}
