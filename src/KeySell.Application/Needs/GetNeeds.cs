using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Needs;

/// <summary>A deal's needs tree with its three checks; an empty tree at version 0 when none has been drawn.</summary>
public static class GetNeeds
{
    public sealed record Query(Guid OpportunityId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<NeedsDetail>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == query.OpportunityId, ct)) return Versions.NotFound("opportunity", query.OpportunityId);
            return await NeedsTree.LoadAsync(db, query.OpportunityId, ct);
        }
    }
}
