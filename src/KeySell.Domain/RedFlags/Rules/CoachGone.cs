using KeySell.Domain.BuyingInfluences;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>coach-gone</c>: a coach left the company or moved out of the deal (教练离开). The only rule
/// that looks at people who are no longer active, because their leaving is the danger.
/// </summary>
public sealed class CoachGone : IRedFlagRule
{
    public string Id => "coach-gone";
    public RedFlagSeverity Severity => RedFlagSeverity.Critical;

    public void Find(RuleContext context, List<RedFlag> found)
    {
        foreach (var influence in context.Sheet.Influences)
        {
            if (!influence.IsActive && influence.Has(BuyingRoles.Coach)) found.Add(new RedFlag(Id, influence));
        }
    }
}
