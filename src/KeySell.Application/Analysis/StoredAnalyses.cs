using KeySell.Application.Opportunities;
using KeySell.Application.Data;
using KeySell.Application.Data.Sql;
using KeySell.Application.Sheets;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Analysis;

/// <summary>
/// Judges deals as the API's analysis does (the same sheet export, the team's analyzer, today's
/// date) and stores the summaries, a batch at a time so a million deals take flat memory.
/// </summary>
public static class StoredAnalyses
{
    /// <summary>Deals judged per round trip: large enough to amortise the split queries, small enough to keep memory flat.</summary>
    public const int BatchSize = 256;

    /// <summary>The day a deal is judged at, as <c>GET /analysis</c> and the sheet export take it.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>
    /// Rewrites the summaries of these deals from what the database now holds (inside the caller's
    /// transaction when there is one). Deals are read past the access rules: a summary follows its
    /// deal's data whoever changed it, and it is read back only through the deal's own rules.
    /// </summary>
    internal static async Task WriteAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        // In id order, so two saves re-judging overlapping deals lock their summary rows in the same order (no deadlock).
        foreach (var chunk in ids.Order().Chunk(BatchSize))
        {
            await DealLocks.TakeAsync(db, chunk, ct);
            await WriteJudgedAsync(db, chunk, await SheetGraph.ReadSheetsAsync(db, chunk, ct), ct);
        }
    }

    /// <summary>
    /// Judges these deals, read with <see cref="SheetGraph.ReadSheetsAsync"/> (possibly by another context, as the
    /// daily run reads the next batch while this one is written), and replaces the summaries of <paramref name="ids"/>.
    /// </summary>
    internal static Task WriteJudgedAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, IReadOnlyList<Opportunity> deals, CancellationToken ct) =>
        WriteAsync(db, ids, Judge(db.Analyzer, deals, Today(db.Time), db.Time.GetUtcNow()), stored: null, ct);

    /// <summary>
    /// The summaries of these deals as of <paramref name="today"/>. Pure (the analyzer is), so the daily run judges
    /// batches on several threads while one writes.
    /// </summary>
    internal static List<AnalysisSummary> Judge(StrategyAnalyzer analyzer, IReadOnlyList<Opportunity> deals, DateOnly today, DateTimeOffset now) =>
        deals.Select(o => AnalysisSummary.Of(o.Id, analyzer.Analyze(ExportSheet.ToSheet(o, today), today), now)).ToList();

    /// <summary>
    /// The summaries stored for these deals, read by the daily run with the sheets so the writer can tell which
    /// verdicts the new day left as they were (decision 0023).
    /// </summary>
    internal static async Task<Dictionary<Guid, AnalysisSummary>> ReadStoredAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.AnalysisSummaries.IgnoreQueryFilters().AsNoTracking()
            .Where(s => EF.Constant(ids).Contains(s.OpportunityId)).ToDictionaryAsync(s => s.OpportunityId, ct);

    /// <summary>
    /// Writes these fresh summaries of <paramref name="ids"/> (inside the caller's transaction when there is one).
    /// With <paramref name="stored"/> (what the database held when the sheets were read), a summary whose verdict is
    /// unchanged only has its day and time moved forward — one <c>UPDATE</c> for all of them — and only the others are
    /// replaced: the daily run finds most verdicts as they were, as only the date rules move with the calendar
    /// (decision 0023). The rows end the same either way: every column equal to what a full replace would write.
    /// </summary>
    internal static async Task WriteAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, List<AnalysisSummary> summaries,
        IReadOnlyDictionary<Guid, AnalysisSummary>? stored, CancellationToken ct)
    {
        var replaced = stored is null ? summaries : summaries.Where(s => !stored.TryGetValue(s.OpportunityId, out var old) || !SameVerdict(old, s)).ToList();
        HashSet<Guid> kept = summaries.Count == replaced.Count ? [] : summaries.Except(replaced).Select(s => s.OpportunityId).ToHashSet();
        // A batch run outside a save gets its own transaction, so no reader sees a deal without its summary.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (kept.Count > 0)
        {
            var (today, now) = (summaries[0].AsOf, summaries[0].ComputedAt);
            await db.AnalysisSummaries.IgnoreQueryFilters().Where(s => EF.Constant(kept).Contains(s.OpportunityId))
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.AsOf, today).SetProperty(s => s.ComputedAt, now), ct);
        }
        // Replace rather than update: the rows are derived, and one statement each way keeps the save to two round
        // trips whatever the batch holds. Every id not kept loses its summary: a deal no longer there has none.
        IReadOnlyCollection<Guid> delete = kept.Count == 0 ? ids : ids.Where(id => !kept.Contains(id)).ToList();
        if (delete.Count > 0)
            await db.AnalysisSummaries.IgnoreQueryFilters().Where(s => delete.Contains(s.OpportunityId)).ExecuteDeleteAsync(ct);
        if (replaced.Count > 0)
        {
            db.AnalysisSummaries.AddRange(replaced);
            await db.SaveDerivedAsync(ct);
            // The verdict also on the deal row, where the funnel summary's covering index reads it (decision 0018): written
            // here and only here, in the summary's transaction, so the two never differ (an unchanged verdict needs no write).
            // Not through the change tracker: it is derived, is no edit of the deal (no version, no history line), and a
            // tracked copy of the deal may be stale. Only rows whose verdict moves are written (an index entry each).
            foreach (var verdict in new[] { true, false })
            {
                var these = replaced.Where(s => s.Premature == verdict).Select(s => s.OpportunityId).ToList();
                if (these.Count == 0) continue;
                await db.Opportunities.IgnoreQueryFilters()
                    .Where(o => EF.Constant(these).Contains(o.Id) && EF.Property<bool>(o, StoredAnalysisColumns.Premature) != verdict)
                    .ExecuteUpdateAsync(set => set.SetProperty(o => EF.Property<bool>(o, StoredAnalysisColumns.Premature), verdict), ct);
            }
        }
        if (own is not null) await own.CommitAsync(ct);
        foreach (var summary in replaced) db.Entry(summary).State = EntityState.Detached;
    }

    /// <summary>Every stored column but the day and time it was judged.</summary>
    private static bool SameVerdict(AnalysisSummary a, AnalysisSummary b) =>
        a.Settings == b.Settings && a.RedFlagCount == b.RedFlagCount && a.CriticalCount == b.CriticalCount
        && a.HighestMet == b.HighestMet && a.Premature == b.Premature && a.RedFlags.SequenceEqual(b.RedFlags);
}

/// <summary>Columns of the stored analysis kept on the deal row (decision 0018); never set by a use case.</summary>
public static class StoredAnalysisColumns
{
    /// <summary>A shadow property of <see cref="Opportunity"/>: the stored summary's <see cref="AnalysisSummary.Premature"/>.</summary>
    public const string Premature = "Premature";
}
