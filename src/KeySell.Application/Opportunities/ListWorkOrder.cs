using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <param name="RedFlags">From the stored analysis summary; null while a deal has none yet (the daily run fills it in).</param>
/// <param name="CriticalFlags">Of those, how many are critical.</param>
public sealed record WorkOrderItem(
    Guid Id,
    string Name,
    Guid AccountId,
    string AccountName,
    FunnelLevel FunnelLevel,
    decimal? Amount,
    string? Currency,
    DateOnly? CloseDate,
    string? OwnerName,
    int? RedFlags,
    int? CriticalFlags);

/// <summary>
/// One seller's deals in the funnel principle's work order, a page at a time, with the red flags
/// of each from the stored analysis: best few first, then above the funnel, then in the funnel,
/// the universe after them and closed deals last; within a level the deal that closes soonest
/// first (none last), then by name. A page is two queries, whatever the seller owns.
/// </summary>
public static class ListWorkOrder
{
    public sealed record Query(Guid OwnerId, PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<WorkOrderItem>>> Handle(Query query, CancellationToken ct)
        {
            var deals = db.Opportunities.AsNoTracking().Where(o => o.OwnerId == query.OwnerId);
            var total = await deals.CountAsync(ct);
            // Ordered before projecting: EF cannot sort on the members of a positional record.
            var items = await deals
                .OrderBy(o => o.FunnelLevel == FunnelLevel.BestFew ? 0
                    : o.FunnelLevel == FunnelLevel.Above ? 1
                    : o.FunnelLevel == FunnelLevel.In ? 2
                    : o.FunnelLevel == FunnelLevel.Universe ? 3
                    : o.FunnelLevel == FunnelLevel.Won ? 4
                    : 5)
                .ThenBy(o => o.Objective.CloseDate == null)
                .ThenBy(o => o.Objective.CloseDate)
                .ThenBy(o => o.Name).ThenBy(o => o.Id)
                .Skip(query.Page.Skip).Take(query.Page.Take)
                .Select(o => new WorkOrderItem(
                    o.Id, o.Name, o.AccountId, o.Account!.Name, o.FunnelLevel, o.Objective.Amount, o.Objective.Currency,
                    o.Objective.CloseDate, o.Owner != null ? o.Owner.Name : null,
                    db.AnalysisSummaries.Where(s => s.OpportunityId == o.Id).Select(s => (int?)s.RedFlagCount).FirstOrDefault(),
                    db.AnalysisSummaries.Where(s => s.OpportunityId == o.Id).Select(s => (int?)s.CriticalCount).FirstOrDefault()))
                .ToListAsync(ct);
            return new Paged<WorkOrderItem>(items, total);
        }
    }
}
