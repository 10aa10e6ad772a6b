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
}
