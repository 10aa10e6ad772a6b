using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>A deal's informal influence lines in the order they were drawn.</summary>
public static class ListInfluenceLines
{
    public sealed record Query(Guid OpportunityId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyList<InfluenceLineDetail>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == query.OpportunityId, ct)) return Versions.NotFound("opportunity", query.OpportunityId);
            var lines = await db.InfluenceLines.AsNoTracking().Where(l => l.OpportunityId == query.OpportunityId)
                .OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);
            return lines.Select(InfluenceLineDetail.Of).ToList();
        }
    }
}
