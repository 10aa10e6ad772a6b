using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Actions;

/// <summary>A deal's action plan in the sheet's order, a page at a time (a deal holds at most 500 actions).</summary>
public static class ListActions
{
    public sealed record Query(Guid OpportunityId, PageRequest Page);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<Paged<ActionDetail>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == query.OpportunityId, ct)) return Versions.NotFound("opportunity", query.OpportunityId);
            var actions = db.Actions.AsNoTracking().Where(a => a.OpportunityId == query.OpportunityId);
            var total = await actions.CountAsync(ct);
            var page = await actions.Include(a => a.Owner).OrderBy(a => a.Position).ThenBy(a => a.Key)
                .Skip(query.Page.Skip).Take(query.Page.Take).ToListAsync(ct);
            var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
            return new Paged<ActionDetail>(page.Select(a => ActionDetail.From(a, today)).ToList(), total);
        }
    }
}
