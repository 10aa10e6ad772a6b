using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Needs;

/// <summary>Removes a deal's needs tree (the sheet's <c>needs</c> becomes null: not drawn).</summary>
public static class DeleteNeeds
{
    public sealed record Command(Guid OpportunityId, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == command.OpportunityId, ct)) return Versions.NotFound("opportunity", command.OpportunityId);
            var head = await db.NeedsAnalyses.FirstOrDefaultAsync(n => n.OpportunityId == command.OpportunityId, ct);
            if (head is null) return Versions.NotFound("needs", command.OpportunityId);
            if (db.CheckVersion(head, command.Version, "needs") is { } stale) return stale;

            db.NeedNodes.RemoveRange(await db.NeedNodes.Where(n => n.OpportunityId == command.OpportunityId).ToListAsync(ct));
            db.NeedsAnalyses.Remove(head);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.OpportunityId;
        }
    }
}
