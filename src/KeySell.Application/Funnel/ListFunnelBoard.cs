using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Money;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Funnel;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Funnel;

/// <summary>
/// One column of the funnel board: the first <see cref="Query.Take"/> deals at a level, among those the funnel summary
/// counts there (<see cref="FunnelFilter"/>), in the work queue's order — close date (earliest first, none last), then
/// amount in the base currency (largest first, unconverted last), then name. A column may hold 300,000 deals at scale,
/// so the board shows a bounded number and asks for more.
/// </summary>
public static class ListFunnelBoard
{
    public const int DefaultTake = 20;
    public const int MaxTake = 500;

    public sealed record Query(FunnelLevel Level, string? Scope = null, string? CloseFrom = null, string? CloseTo = null, int Take = DefaultTake, Guid? OwnerId = null);

    public sealed record Card(
        Guid Id, string Name, Guid AccountId, string AccountName, FunnelLevel Level, decimal? Amount, string? Currency,
        DateOnly? CloseDate, string? OwnerName, int RedFlags, int Critical, bool Premature);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyList<Card>>> Handle(Query query, CancellationToken ct)
        {
            var filtered = await FunnelFilter.DealsAsync(db, query.Scope, query.CloseFrom, query.CloseTo, ct, query.OwnerId);
            if (!filtered.Succeeded) return filtered.Error!;
            var rates = await db.ReadExchangeRatesAsync(ct);
            var take = Math.Clamp(query.Take, 1, MaxTake);
            // A column is one level of the work queue, in the queue's own order (close date, amount in base currency, name).
            var cards = await ListWorkQueue.InLevelOrder(filtered.Value.Deals.Where(o => o.FunnelLevel == query.Level), rates)
                .Take(take)
                .Select(o => new
                {
                    o.Id, o.Name, o.AccountId, AccountName = o.Account!.Name, o.FunnelLevel, o.Objective.Amount, o.Objective.Currency,
                    o.Objective.CloseDate, OwnerName = o.Owner != null ? o.Owner.Name : null,
                })
                .ToListAsync(ct);
            // The cards' summaries by key, in a query of their own: as a correlated subquery EF numbers every summary of
            // the table (ROW_NUMBER over 800,000 rows) to pick one per card — 6-12 s a column on the 1M database.
            // Never IgnoreQueryFilters here either: the summaries keep their access filter.
            var ids = cards.Select(c => c.Id).ToList();
            var summaries = await db.AnalysisSummaries.AsNoTracking().Where(s => ids.Contains(s.OpportunityId))
                .Select(s => new { s.OpportunityId, s.RedFlagCount, s.CriticalCount, s.Premature })
                .ToDictionaryAsync(s => s.OpportunityId, ct);
            return cards.Select(c =>
            {
                var summary = summaries.GetValueOrDefault(c.Id);
                return new Card(c.Id, c.Name, c.AccountId, c.AccountName, c.FunnelLevel, c.Amount, c.Currency, c.CloseDate, c.OwnerName,
                    summary?.RedFlagCount ?? 0, summary?.CriticalCount ?? 0, GetFunnelSummary.IsOpen(c.FunnelLevel) && (summary?.Premature ?? false));
            }).ToList();
        }
    }
}

/// <summary>
/// What a move of a deal to another level would leave unmet (the board asks before a premature move): the
/// prerequisites of <see cref="FunnelPrerequisites"/> judged on the deal as it is now — its objective, whether any
/// influence is receptive, and its stored red flags.
/// </summary>
public static class CheckFunnelMove
{
    public sealed record Query(Guid OpportunityId, FunnelLevel To);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<FunnelVerdict>> Handle(Query query, CancellationToken ct)
        {
            var deal = await db.Opportunities.AsNoTracking().Where(o => o.Id == query.OpportunityId)
                .Select(o => new
                {
                    o.Objective.Product, o.Objective.Amount, o.Objective.CloseDate,
                    Receptive = db.BuyingInfluences.Any(i => i.OpportunityId == o.Id && (i.Mode == ResponseMode.Growth || i.Mode == ResponseMode.Trouble)),
                    RedFlags = db.AnalysisSummaries.Where(s => s.OpportunityId == o.Id).Select(s => s.RedFlagCount).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(ct);
            if (deal is null) return Error.NotFound(Resources.Messages.Format("NotFound", Resources.Messages.Format("Entity.opportunity"), query.OpportunityId));
            var objective = new SalesObjective { Product = deal.Product, Amount = deal.Amount, CloseDate = deal.CloseDate };
            return FunnelPrerequisites.Judge(query.To, objective.IsComplete, deal.Receptive, deal.RedFlags > 0);
        }
    }
}
