using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>no-top-officer</c>: a deal with a known amount, in the funnel or among the best few, and no active influence is
/// the top officer who owns the result (Selling to VITO).
/// </summary>
public sealed class NoTopOfficer : Version2Rule
{
    public override string Id => "no-top-officer";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override void FindOnVersion2(RuleContext context, List<RedFlag> found)
    {
        var opportunity = context.Sheet.Opportunity;
        if (opportunity.Objective.Amount is null || opportunity.FunnelLevel is not (FunnelLevel.In or FunnelLevel.BestFew)) return;
        if (!context.AnyActive(i => i.Seniority == Seniority.TopOfficer)) found.Add(new RedFlag(Id, null));
    }
}
