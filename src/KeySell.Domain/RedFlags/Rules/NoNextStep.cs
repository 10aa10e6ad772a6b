using KeySell.Domain.Actions;
using KeySell.Domain.Calls;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>no-next-step</c>: an open opportunity with no open action and no call planned for today or later is drifting —
/// nobody has decided what happens next.
/// </summary>
public sealed class NoNextStep : Version2Rule
{
    public override string Id => "no-next-step";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override void FindOnVersion2(RuleContext context, List<RedFlag> found)
    {
        var sheet = context.Sheet;
        if (!IsOpen(sheet.Opportunity.FunnelLevel)) return;
        if (sheet.Actions.Any(a => a.Status == ActionStatus.Open)) return;
        if (sheet.Calls.Any(c => c.Status == CallStatus.Planned && c.Date >= context.AsOf)) return;
        found.Add(new RedFlag(Id, null));
    }
}
