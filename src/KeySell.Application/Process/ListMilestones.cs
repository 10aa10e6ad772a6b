using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Process;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Process;

/// <summary>The deal's thirteen process milestones in the method's order, saved or not.</summary>
public static class ListMilestones
{
    public sealed record Query(Guid OpportunityId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyList<MilestoneDetail>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == query.OpportunityId, ct)) return Versions.NotFound("opportunity", query.OpportunityId);
            var rows = await db.Milestones.AsNoTracking().Where(m => m.OpportunityId == query.OpportunityId).ToListAsync(ct);
            return SalesProcess.Milestones.Select(m => MilestoneDetail.From(m, rows.FirstOrDefault(r => r.Milestone == m))).ToList();
        }
    }
}
