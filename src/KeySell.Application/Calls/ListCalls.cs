using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calls;

/// <summary>The deal's calls in the sheet's order (planned and held alike; the page sorts them for the seller).</summary>
public static class ListCalls
{
    public sealed record Query(Guid OpportunityId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyList<CallDetail>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == query.OpportunityId, ct)) return Versions.NotFound("opportunity", query.OpportunityId);
            var calls = await db.Calls.AsNoTracking().Where(c => c.OpportunityId == query.OpportunityId).OrderBy(c => c.Position).ToListAsync(ct);
            return calls.Select(CallDetail.From).ToList();
        }
    }
}
