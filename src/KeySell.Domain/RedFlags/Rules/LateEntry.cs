using KeySell.Domain.Opportunities;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>late-entry</c>: we boarded after the tender (招标后), when every competitor is there too.</summary>
public sealed class LateEntry : PerSheetRule
{
    public override string Id => "late-entry";
    public override RedFlagSeverity Severity => RedFlagSeverity.Critical;

    protected override bool Fires(RuleContext context) => context.Sheet.Opportunity.Engagement == Engagement.AfterTender;
}
