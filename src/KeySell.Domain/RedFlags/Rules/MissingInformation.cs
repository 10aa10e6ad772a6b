using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>missing-information</c>: uncertainty is itself a red flag; the flag names what is unknown.</summary>
public sealed class MissingInformation : IRedFlagRule
{
    public string Id => "missing-information";
    public RedFlagSeverity Severity => RedFlagSeverity.Info;

    public void Find(RuleContext context, List<RedFlag> found)
    {
        foreach (var influence in context.Sheet.Influences)
        {
            if (!influence.IsActive) continue;
            var missing = MissingOf(influence);
            if (missing != MissingDimensions.None) found.Add(new RedFlag(Id, influence) { Missing = missing });
        }
    }

    public static MissingDimensions MissingOf(SheetInfluence influence)
    {
        var missing = MissingDimensions.None;
        if (influence.Roles == BuyingRoles.None) missing |= MissingDimensions.Roles;
        if (influence.Influence == InfluenceLevel.Unknown) missing |= MissingDimensions.Influence;
        if (influence.Support is null) missing |= MissingDimensions.Support;
        if (influence.Contact == ContactLevel.Unknown) missing |= MissingDimensions.Contact;
        if (influence.Mode == ResponseMode.Unknown) missing |= MissingDimensions.Mode;
        return missing;
    }
}
