using KeySell.Domain.Objections;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>objection-unconfirmed</c>: an objection not resolved whose source is unknown or whose handling skipped
/// confirming it — we do not know for sure what it is or whose it is. One flag per objection, in input order.
/// </summary>
public sealed class ObjectionUnconfirmed : Version2Rule
{
    public override string Id => "objection-unconfirmed";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override void FindOnVersion2(RuleContext context, List<RedFlag> found)
    {
        foreach (var objection in context.Sheet.Objections)
        {
            if (objection.Status != ObjectionStatus.Resolved && (objection.From is null || !objection.Has(ObjectionStep.Confirmed)))
                found.Add(new RedFlag(Id, context.InfluenceOf(objection.From)) { Objection = objection });
        }
    }
}
