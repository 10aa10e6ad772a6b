using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>
/// Takes a person off the deal (they stay in the org chart). Objections, manual red flags and actions that named them
/// now belong to the whole deal, calls no longer list them, and the influence lines drawn to or from them go: no part
/// of the sheet points at an influence that is gone, so the stored sheet stays one the reader accepts.
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
            // A deal holds at most 200 calls and 500 actions: read whole, their key lists are filtered in memory on either database.
            InfluenceReferences.Follow(db, new Dictionary<string, string?> { [influence.Key] = null },
                await db.Calls.Where(c => c.OpportunityId == influence.OpportunityId).ToListAsync(ct),
                await db.Actions.Where(a => a.OpportunityId == influence.OpportunityId && a.InfluenceKey == influence.Key).ToListAsync(ct),
                await db.InfluenceLines.Where(l => l.OpportunityId == influence.OpportunityId && (l.FromKey == influence.Key || l.ToKey == influence.Key)).ToListAsync(ct));
            db.BuyingInfluences.Remove(influence);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.Id;
        }
    }
}
