using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>"Reset layout": forgets where the caller dropped people on one map, so it opens in the first layout again.</summary>
public static class ResetMapPositions
{
    public sealed record Command(MapKind Kind, Guid MapId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken ct)
        {
            if (await SaveMapPositions.MapAccountAsync(db, command.Kind, command.MapId, ct) is null) return SaveMapPositions.MapNotFound(command.Kind, command.MapId);
            var userId = db.CallerUserId;
            var rows = await db.MapPositions.Where(p => p.UserId == userId && p.Kind == command.Kind && p.MapId == command.MapId).ToListAsync(ct);
            db.MapPositions.RemoveRange(rows);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return rows.Count;
        }
    }
}
