using KeySell.Domain.Calls;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>continuation-only</c>: the two latest held calls (by date, then by position) both ended in a continuation — the
/// calls keep the deal alive without moving it; the next one must ask for an advance (METHODOLOGY §10).
/// </summary>
public sealed class ContinuationOnly : Version2Rule
{
    public override string Id => "continuation-only";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override void FindOnVersion2(RuleContext context, List<RedFlag> found)
    {
        var latestTwo = context.Sheet.Calls
            .Select((call, position) => (call, position))
            .Where(c => c.call.Status == CallStatus.Done)
            .OrderByDescending(c => c.call.Date).ThenByDescending(c => c.position)
            .Take(2)
            .ToList();
        if (latestTwo.Count == 2 && latestTwo.All(c => c.call.Outcome == CallOutcome.Continuation)) found.Add(new RedFlag(Id, null));
    }
}
