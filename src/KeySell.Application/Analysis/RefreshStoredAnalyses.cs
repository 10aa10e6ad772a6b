using System.Threading.Channels;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
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

            // The ids are read a page at a time by a second context (its own connection) while this one
            // writes, so a million deals never sit in memory at once.
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

            // Two cores: a reader (ids, then each batch's sheets, on a third context) runs one or two batches ahead
            // of this context, which judges and writes. A bounded channel keeps at most that much in memory.
            await using var loader = new AppDbContext(options, db.Time, db.Caller);
            var batches = Channel.CreateBounded<(Guid[] Ids, List<Opportunity> Deals)>(
                new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            // Stops the reader when the writer fails, so it never waits on a full channel.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reading = Task.Run(async () =>
            {
                try
                {
                    // A page of ids at a time, each its own short read: one read left open for the whole run kept
                    // SQLite from folding its write-ahead log back (8 GB after nine minutes on the 1M database).
                    // Keyset by id, so the deals this run has judged (no longer outdated) never shift a page.
                    Guid? after = null;
                    while (true)
                    {
                        var page = after is { } last ? deals.Where(o => o.Id.CompareTo(last) > 0) : deals;
                        var ids = await page.OrderBy(o => o.Id).Select(o => o.Id).Take(StoredAnalyses.BatchSize).ToListAsync(stop.Token);
                        if (ids.Count == 0) break;
                        await SendAsync(ids);
                        if (ids.Count < StoredAnalyses.BatchSize) break;
                        after = ids[^1];
                    }
                    batches.Writer.Complete();
                }
                catch (Exception e)
                {
                    batches.Writer.Complete(e);
                }
            }, stop.Token);

            async Task SendAsync(List<Guid> batch)
            {
                // In id order, as every save writes summaries (no deadlock between overlapping writers).
                var sorted = batch.Order().ToArray();
                await batches.Writer.WriteAsync((sorted, await SheetGraph.ReadSheetsAsync(loader, sorted, stop.Token)), stop.Token);
            }

            var count = 0;
            try
            {
                await foreach (var (chunk, sheets) in batches.Reader.ReadAllAsync(ct))
                {
                    await StoredAnalyses.WriteJudgedAsync(db, chunk, sheets, ct);
                    // Nothing of a batch is needed by the next one.
                    db.ChangeTracker.Clear();
                    count += chunk.Length;
                }
            }
            finally
            {
                await stop.CancelAsync();
                // The reader's own failure surfaces through the channel above; here it only has to be finished.
                try { await reading; } catch (OperationCanceledException) { }
            }
            return count;
        }

        private async Task WriteBatchAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
        {
            await StoredAnalyses.WriteAsync(db, ids, ct);
            // Nothing of a batch is needed by the next one.
            db.ChangeTracker.Clear();
        }
    }
}
