using KeySell.Domain.Objections;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>objection-unproven</c>: an objection answered with a claim about the product, or with no evidence named — the
/// course answers with customer cases and third-party data, not praise. One flag per objection, in input order.
/// </summary>
public sealed class ObjectionUnproven : Version2Rule
{
    public override string Id => "objection-unproven";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override void FindOnVersion2(RuleContext context, List<RedFlag> found)
    {
        foreach (var objection in context.Sheet.Objections)
        {
            if (objection.Has(ObjectionStep.Answered) && objection.Answer is null or ObjectionAnswer.ProductClaim)
                found.Add(new RedFlag(Id, context.InfluenceOf(objection.From)) { Objection = objection });
        }
    }
}
