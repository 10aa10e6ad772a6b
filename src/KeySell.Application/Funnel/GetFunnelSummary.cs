using KeySell.Application.Analysis;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Money;
using KeySell.Application.Resources;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Funnel;

/// <summary>
/// The funnel summary (funnel contract): per level — always the six, in the method's order — how many deals,
/// their amount in the base currency and how many stand there prematurely, over the scope's deals the caller may
/// read, optionally only those closing in a date range. The figures come from the running totals the database keeps
/// per (owner, level, currency) when they can stand for the scope (decision 0022), otherwise from the deals, counted
/// and summed per (owner, level, currency); the groups are converted here (Σ amount × rate = rate × Σ amount).
/// </summary>
public static class GetFunnelSummary
{
    /// <summary>The six levels in the order the summary, the board and the chart show them.</summary>
    public static readonly IReadOnlyList<FunnelLevel> Order =
        [FunnelLevel.Universe, FunnelLevel.Above, FunnelLevel.In, FunnelLevel.BestFew, FunnelLevel.Won, FunnelLevel.Lost];

    /// <param name="Scope"><c>me</c> (default), <c>team:{id}</c> or <c>all</c>.</param>
    /// <param name="CloseFrom">YYYY-MM-DD, inclusive; given, deals without a close date are left out.</param>
    /// <param name="CloseTo">YYYY-MM-DD, inclusive.</param>
    /// <param name="OwnerId">The board's owner filter inside the scope; not part of the API.</param>
    public sealed record Query(string? Scope = null, string? CloseFrom = null, string? CloseTo = null, Guid? OwnerId = null);

    /// <param name="Unconverted">Deals with an amount whose currency has no rate: counted in their level, left out of every amount.</param>
    public sealed record Summary(string BaseCurrency, int Unconverted, IReadOnlyList<LevelFigures> Levels);

    /// <param name="Amount">Σ amount in the base currency, unrounded (rounded to 2 places only for display).</param>
    /// <param name="Premature">Deals whose stored analysis says premature; always 0 for won and lost.</param>
    public sealed record LevelFigures(FunnelLevel Level, int Count, decimal Amount, int Premature);

    /// <summary>What the database answers per (level, currency): a handful of rows.</summary>
    private sealed record Group(FunnelLevel Level, string? Currency, int Count, int Priced, decimal? Amount, int Premature);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Summary>> Handle(Query query, CancellationToken ct)
        {
            var filtered = await FunnelFilter.DealsAsync(db, query.Scope, query.CloseFrom, query.CloseTo, ct, query.OwnerId);
            if (!filtered.Succeeded) return filtered.Error!;
            var groups = (filtered.Value.ByCloseDate ? null : await FromTotalsAsync(filtered.Value.Owners, query.OwnerId, ct))
                         ?? await FromDealsAsync(filtered.Value.Deals, ct);

            var rates = await db.ReadExchangeRatesAsync(ct);
            var unconverted = 0;
            var levels = Order.ToDictionary(l => l, l => new LevelFigures(l, 0, 0m, 0));
            foreach (var group in groups)
            {
                var rate = rates.RateOf(group.Currency);
                if (rate is null) unconverted += group.Priced;
                var level = levels[group.Level];
                levels[group.Level] = level with
                {
                    Count = level.Count + group.Count,
                    Amount = level.Amount + (rate is { } r ? (group.Amount ?? 0m) * r : 0m),
                    Premature = level.Premature + (IsOpen(group.Level) ? group.Premature : 0),
                };
            }
            return new Summary(rates.BaseCurrency, unconverted, [.. Order.Select(l => levels[l])]);
        }

        /// <summary>The running totals' rows for the scope (decision 0022); null when they cannot stand for it.</summary>
        private async Task<List<Group>?> FromTotalsAsync(ScopedOwners owners, Guid? ownerId, CancellationToken ct) =>
            await FunnelTotals.ReadAsync(db, owners, ownerId, ct) is { } totals
                ? [.. totals.Select(t => new Group(t.Level, t.Currency, (int)t.Deals, (int)t.Priced, t.AmountCents / 100m, (int)t.Premature))]
                : null;

        /// <summary>
        /// The deals themselves, counted and summed per (owner, level, currency): in that order the database walks
        /// IX_Opportunities_Funnel and never sorts (per level and currency alone it sorted a million entries, 3-4x slower).
        /// </summary>
        private static async Task<List<Group>> FromDealsAsync(IQueryable<Opportunity> deals, CancellationToken ct) =>
            await deals
                .Select(o => new
                {
                    o.OwnerId,
                    o.FunnelLevel,
                    o.Objective.Currency,
                    o.Objective.Amount,
                    // The stored summary's verdict as copied onto the deal row (StoredAnalyses.WriteAsync), so the whole
                    // query reads IX_Opportunities_Funnel only: one lookup into the summaries per open deal was 7-11x the
                    // plain GROUP BY on 1M deals (docs/performance.md). Won and lost deals are never premature (contract).
                    Premature = o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost
                        && EF.Property<bool>(o, StoredAnalysisColumns.Premature),
                })
                .GroupBy(o => new { o.OwnerId, o.FunnelLevel, o.Currency })
                .Select(g => new Group(g.Key.FunnelLevel, g.Key.Currency, g.Count(), g.Count(o => o.Amount != null), g.Sum(o => o.Amount), g.Count(o => o.Premature)))
                .ToListAsync(ct);
    }

    public static bool IsOpen(FunnelLevel level) => level is not (FunnelLevel.Won or FunnelLevel.Lost);

}
