using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>Erases one influence line (its history keeps what it was).</summary>
public static class RemoveInfluenceLine
{
    public sealed record Command(Guid OpportunityId, Guid Id, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var line = await db.InfluenceLines.FirstOrDefaultAsync(l => l.Id == command.Id && l.OpportunityId == command.OpportunityId, ct);
            if (line is null) return Versions.NotFound("influenceLine", command.Id);
            if (db.CheckVersion(line, command.Version, "influenceLine") is { } stale) return stale;

            db.InfluenceLines.Remove(line);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return command.Id;
        }
    }
}
