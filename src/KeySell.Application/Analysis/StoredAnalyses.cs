using KeySell.Application.Opportunities;
using KeySell.Application.Data;
using KeySell.Application.Sheets;
using KeySell.Domain.Opportunities;
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
            await WriteJudgedAsync(db, chunk, await SheetGraph.ReadSheetsAsync(db, chunk, ct), ct);
    }

    /// <summary>
    /// Judges these deals, read with <see cref="SheetGraph.ReadSheetsAsync"/> (possibly by another context, as the
    /// daily run reads the next batch while this one is written), and replaces the summaries of <paramref name="ids"/>.
    /// </summary>
    internal static async Task WriteJudgedAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, IReadOnlyList<Opportunity> deals, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var today = Today(db.Time);
        var summaries = deals.Select(o => AnalysisSummary.Of(o.Id, db.Analyzer.Analyze(ExportSheet.ToSheet(o, today), today), now)).ToList();

        // Replace rather than update: the rows are derived, and one statement each way keeps
        // the save to two round trips whatever the batch holds.
        // A batch run outside a save gets its own transaction, so no reader sees a deal without its summary.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.AnalysisSummaries.IgnoreQueryFilters().Where(s => ids.Contains(s.OpportunityId)).ExecuteDeleteAsync(ct);
        db.AnalysisSummaries.AddRange(summaries);
        await db.SaveDerivedAsync(ct);
        // The verdict also on the deal row, where the funnel summary's covering index reads it (decision 0018): written
        // here and only here, in the summary's transaction, so the two never differ. Not through the change tracker:
        // it is derived, is no edit of the deal (no version, no history line), and a tracked copy of the deal may be stale.
        var premature = summaries.Where(s => s.Premature).Select(s => s.OpportunityId).ToList();
        var judged = summaries.Select(s => s.OpportunityId).ToList();
        await db.Opportunities.IgnoreQueryFilters().Where(o => judged.Contains(o.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(o => EF.Property<bool>(o, StoredAnalysisColumns.Premature), o => premature.Contains(o.Id)), ct);
        if (own is not null) await own.CommitAsync(ct);
        foreach (var summary in summaries) db.Entry(summary).State = EntityState.Detached;
    }
}

/// <summary>Columns of the stored analysis kept on the deal row (decision 0018); never set by a use case.</summary>
public static class StoredAnalysisColumns
{
    /// <summary>A shadow property of <see cref="Opportunity"/>: the stored summary's <see cref="AnalysisSummary.Premature"/>.</summary>
    public const string Premature = "Premature";
}
