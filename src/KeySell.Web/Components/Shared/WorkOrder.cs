using KeySell.Application.Opportunities;
using KeySell.Domain.Opportunities;

namespace KeySell.Web.Components.Shared;

/// <summary>
/// The funnel principle's work order, which avoids a roller-coaster of results: best few first,
/// then above the funnel, then in the funnel; the universe after them, closed deals last.
/// Within a level the deal that closes soonest comes first.
/// </summary>
public static class WorkOrder
{
    public static int Rank(FunnelLevel level) => level switch
    {
        FunnelLevel.BestFew => 0,
        FunnelLevel.Above => 1,
        FunnelLevel.In => 2,
        FunnelLevel.Universe => 3,
        FunnelLevel.Won => 4,
        FunnelLevel.Lost => 5,
        _ => 6,
    };

    public static List<OpportunitySummary> Sort(IEnumerable<OpportunitySummary> opportunities) =>
        opportunities
            .OrderBy(o => Rank(o.FunnelLevel))
            .ThenBy(o => o.CloseDate is null)
            .ThenBy(o => o.CloseDate)
            .ThenBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
}
