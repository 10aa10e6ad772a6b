using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>
/// Takes a person off the deal (they stay in the org chart). Objections and manual red flags that
/// named them now belong to the whole deal, so no list points at an influence that is gone.
/// </summary>
public static class RemoveBuyingInfluence
{
    public sealed record Command(Guid Id, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var influence = await db.BuyingInfluences.FirstOrDefaultAsync(i => i.Id == command.Id, ct);
            if (influence is null) return Versions.NotFound("influence", command.Id);
            if (db.CheckVersion(influence, command.Version, "influence") is { } stale) return stale;

            foreach (var objection in await db.Objections.Where(o => o.OpportunityId == influence.OpportunityId && o.FromKey == influence.Key).ToListAsync(ct))
                objection.FromKey = null;
            foreach (var flag in await db.ManualRedFlags.Where(f => f.OpportunityId == influence.OpportunityId && f.InfluenceKey == influence.Key).ToListAsync(ct))
                flag.InfluenceKey = null;
            db.BuyingInfluences.Remove(influence);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.Id;
        }
    }
}
