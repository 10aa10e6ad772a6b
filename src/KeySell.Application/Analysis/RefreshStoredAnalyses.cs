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
        /// <summary>Readers past this many only queue behind SQLite's one writer.</summary>
        private const int MaxReaders = 4;

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

            // Every core busy, SQLite's one writer never waiting: one task pages the ids, a reader per core (each its own
            // context and connection) reads a batch's sheets and stored summaries and judges them (the analyzer is
            // pure), and this context only writes, batch after batch. Bounded channels keep a few batches in memory.
            var readers = Math.Clamp(Environment.ProcessorCount, 1, MaxReaders);
            var pages = Channel.CreateBounded<Guid[]>(new BoundedChannelOptions(readers) { SingleWriter = true });
            var judged = Channel.CreateBounded<(Guid[] Ids, List<AnalysisSummary> Summaries, Dictionary<Guid, AnalysisSummary> Stored)>(
                new BoundedChannelOptions(readers) { SingleReader = true });
            // Stops the readers when the writer fails, so none waits on a full channel.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var paging = Task.Run(async () =>
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
                        var ids = await page.OrderBy(o => o.Id).Select(o => o.Id).Take(StoredAnalyses.BatchSize).ToArrayAsync(stop.Token);
                        if (ids.Length == 0) break;
                        if (ids.Length == StoredAnalyses.BatchSize) after = ids[^1];
                        // In .NET's id order, as every save writes summaries (no deadlock between overlapping writers).
                        await pages.Writer.WriteAsync([.. ids.Order()], stop.Token);
                        if (ids.Length < StoredAnalyses.BatchSize) break;
                    }
                    pages.Writer.Complete();
                }
                catch (Exception e)
                {
                    pages.Writer.Complete(e);
                }
            }, stop.Token);
            var analyzer = db.Analyzer;
            var judging = Task.Run(async () =>
            {
                try
                {
                    await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
                    {
                        await using var loader = new AppDbContext(options, db.Time, db.Caller);
                        await foreach (var ids in pages.Reader.ReadAllAsync(stop.Token))
                        {
                            var sheets = await SheetGraph.ReadSheetsAsync(loader, ids, stop.Token);
                            var stored = await StoredAnalyses.ReadStoredAsync(loader, ids, stop.Token);
                            var summaries = StoredAnalyses.Judge(analyzer, sheets, today, db.Time.GetUtcNow());
                            await judged.Writer.WriteAsync((ids, summaries, stored), stop.Token);
                        }
                    }, stop.Token)));
                    judged.Writer.Complete();
                }
                catch (Exception e)
                {
                    judged.Writer.Complete(e);
                }
            }, stop.Token);

            var count = 0;
            try
            {
                await foreach (var (chunk, summaries, stored) in judged.Reader.ReadAllAsync(ct))
                {
                    await StoredAnalyses.WriteAsync(db, chunk, summaries, stored, ct);
                    // Nothing of a batch is needed by the next one.
                    db.ChangeTracker.Clear();
                    count += chunk.Length;
                }
            }
            finally
            {
                await stop.CancelAsync();
                // A reader's own failure surfaces through the channels above; here they only have to be finished.
                try { await Task.WhenAll(paging, judging); } catch (OperationCanceledException) { }
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
