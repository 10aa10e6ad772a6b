using KeySell.Domain.Sheets;

namespace KeySell.Domain.Calls;

/// <summary>The analysis' <c>calls</c> part: how the held calls ended, and the next call planned from as-of on.</summary>
public sealed record CallsSummary(int Done, int Advances, int Continuations, DateOnly? NextCall)
{
    public static CallsSummary Of(IReadOnlyList<SheetCall> calls, DateOnly asOf)
    {
        var (done, advances, continuations) = (0, 0, 0);
        DateOnly? next = null;
        foreach (var call in calls)
        {
            if (call.Status == CallStatus.Done)
            {
                done++;
                if (call.Outcome == CallOutcome.Advance) advances++;
                else if (call.Outcome == CallOutcome.Continuation) continuations++;
            }
            else if (call.Status == CallStatus.Planned && call.Date >= asOf && (next is null || call.Date < next)) next = call.Date;
        }
        return new CallsSummary(done, advances, continuations, next);
    }
}
