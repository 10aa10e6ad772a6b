using KeySell.Application.Data;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KeySell.Application.Analysis;

/// <summary>
/// Recomputes stored analysis summaries: these deals, every deal, or (the daily run) every open
/// deal whose summary was judged before today or with other team thresholds, or has none yet. The
/// date rules (<c>stale</c>, <c>new-player</c>) change with the calendar alone; everything else is
/// kept current by the saves themselves. Bulk loaders (<c>keysell generate-data</c>) call it after
/// inserting past the change tracker.
/// </summary>
/// <remarks>
/// It writes only what the analysis of the stored data gives and shows nothing, so it needs no
/// access right of its own; what it writes is read back through each deal's rules.
/// </remarks>
public static class RefreshStoredAnalyses
{
    /// <param name="Ids">These deals only; null for every deal (or every outdated one).</param>
    /// <param name="OutdatedOnly">Only open deals whose summary is missing, from an earlier day or other thresholds.</param>
    public sealed record Command(IReadOnlyCollection<Guid>? Ids = null, bool OutdatedOnly = false);

    public sealed class Handler(AppDbContext db)
    {
        /// <returns>How many deals were judged.</returns>
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            if (command.Ids is { } ids)
            {
                var distinct = ids.Distinct().ToList();
                foreach (var chunk in distinct.Chunk(StoredAnalyses.BatchSize)) await WriteBatchAsync(chunk, ct);
                return distinct.Count;
            }

            // The ids are streamed by a second context (its own connection) while this one writes,
            // so a million deals never sit in memory at once.
            var options = (DbContextOptions<AppDbContext>)db.GetService<IDbContextOptions>();
            await using var reader = new AppDbContext(options, db.Time, db.Caller);
            var today = StoredAnalyses.Today(db.Time);
            var settings = AnalysisSummary.SettingsKey(db.Analyzer.Settings);
            var deals = reader.Opportunities.IgnoreQueryFilters().AsNoTracking();
            if (command.OutdatedOnly)
            {
                deals = deals.Where(o => o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost
                    && !reader.AnalysisSummaries.IgnoreQueryFilters().Any(s => s.OpportunityId == o.Id && s.AsOf == today && s.Settings == settings));
            }

            var count = 0;
            var batch = new List<Guid>(StoredAnalyses.BatchSize);
            await foreach (var id in deals.Select(o => o.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                batch.Add(id);
                if (batch.Count < StoredAnalyses.BatchSize) continue;
                await WriteBatchAsync(batch, ct);
                count += batch.Count;
                batch.Clear();
            }
            if (batch.Count > 0) await WriteBatchAsync(batch, ct);
            return count + batch.Count;
        }

        private async Task WriteBatchAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
        {
            await StoredAnalyses.WriteAsync(db, ids, ct);
            // Nothing of a batch is needed by the next one.
            db.ChangeTracker.Clear();
        }
    }
}
