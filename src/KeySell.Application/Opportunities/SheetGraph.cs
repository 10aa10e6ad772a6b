using KeySell.Application.Data;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <summary>
/// Everything a strategy sheet and its analysis read about a deal — the account, each influence with its person and
/// counterpart, strengths, red flags, objections — in one place, so the deal page, the sheet export and the stored
/// analysis summaries always judge the same data. One query per collection (split), as the graph multiplies rows.
/// </summary>
public static class SheetGraph
{
    public static IQueryable<Opportunity> WithSheet(this IQueryable<Opportunity> deals) => deals
        .Include(x => x.Account)
        .Include(x => x.Influences).ThenInclude(i => i.Person)
        .Include(x => x.Influences).ThenInclude(i => i.Counterpart)
        .Include(x => x.Strengths)
        .Include(x => x.RedFlags)
        .Include(x => x.Objections)
        .AsSplitQuery();

    /// <summary>
    /// The same graph as <see cref="WithSheet"/> for many deals at once, past the access rules, untracked: one flat
    /// query per table filtered on the deals' ids, stitched in memory. Used by the stored-analysis refresh, where
    /// EF's split includes (each child query joined back to the deals and ordered by them, then fixed up per row)
    /// were most of the daily run's time (docs/performance.md). The entities are the same, so
    /// <c>ExportSheet.ToSheet</c> maps them exactly as for one deal read with <see cref="WithSheet"/>.
    /// </summary>
    internal static async Task<List<Opportunity>> ReadSheetsAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        // The ids written into the SQL: on the 1M SQLite database about half the time of one JSON parameter (json_each).
        var deals = await db.Opportunities.IgnoreQueryFilters().AsNoTracking().Include(o => o.Account)
            .Where(o => EF.Constant(ids).Contains(o.Id)).ToListAsync(ct);
        var influences = (await db.BuyingInfluences.IgnoreQueryFilters().AsNoTracking().Include(i => i.Person).Include(i => i.Counterpart)
            .Where(i => EF.Constant(ids).Contains(i.OpportunityId)).ToListAsync(ct)).ToLookup(i => i.OpportunityId);
        var strengths = (await db.Strengths.IgnoreQueryFilters().AsNoTracking()
            .Where(s => EF.Constant(ids).Contains(s.OpportunityId)).ToListAsync(ct)).ToLookup(s => s.OpportunityId);
        var flags = (await db.ManualRedFlags.IgnoreQueryFilters().AsNoTracking()
            .Where(f => EF.Constant(ids).Contains(f.OpportunityId)).ToListAsync(ct)).ToLookup(f => f.OpportunityId);
        var objections = (await db.Objections.IgnoreQueryFilters().AsNoTracking()
            .Where(x => EF.Constant(ids).Contains(x.OpportunityId)).ToListAsync(ct)).ToLookup(x => x.OpportunityId);
        foreach (var deal in deals)
        {
            deal.Influences = [.. influences[deal.Id]];
            deal.Strengths = [.. strengths[deal.Id]];
            deal.RedFlags = [.. flags[deal.Id]];
            deal.Objections = [.. objections[deal.Id]];
        }
        return deals;
    }
}
