using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>
/// Keeps where the caller dropped people on one map, for the caller alone; people not sent keep their place. Anyone who reads
/// the map may arrange it, viewers too: it changes nothing anyone else sees (decision 0029).
/// </summary>
public static class SaveMapPositions
{
    public sealed record Position(Guid PersonId, double X, double Y);

    public sealed record Command(MapKind Kind, Guid MapId, IReadOnlyList<Position>? Positions);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken ct)
        {
            if (await MapAccountAsync(db, command.Kind, command.MapId, ct) is not { } accountId) return MapNotFound(command.Kind, command.MapId);
            if (db.CallerUserId.Length == 0) return Error.Forbidden(Messages.Format("Map.PositionsAreAUsers"));

            var validation = new Validation();
            var positions = command.Positions ?? [];
            if (positions.Count > MapDetail.MaxNodes) validation.Add("positions", Messages.Format("Map.TooManyPositions", MapDetail.MaxNodes));
            var ids = positions.Select(p => p.PersonId).Distinct().ToList();
            var ofAccount = (await db.People.Where(p => p.AccountId == accountId && ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            for (var i = 0; i < positions.Count && !validation.HasErrors; i++)
            {
                var p = positions[i];
                if (!ofAccount.Contains(p.PersonId)) validation.Add($"positions[{i}].personId", Messages.Format("Map.NotOfAccount", p.PersonId));
                if (!double.IsFinite(p.X) || Math.Abs(p.X) > MapPosition.MaxCoordinate) validation.Add($"positions[{i}].x", Messages.Format("Map.OutOfRange", MapPosition.MaxCoordinate));
                if (!double.IsFinite(p.Y) || Math.Abs(p.Y) > MapPosition.MaxCoordinate) validation.Add($"positions[{i}].y", Messages.Format("Map.OutOfRange", MapPosition.MaxCoordinate));
            }
            if (validation.HasErrors) return validation.ToError();

            var userId = db.CallerUserId;
            var kept = await db.MapPositions.Where(p => p.UserId == userId && p.Kind == command.Kind && p.MapId == command.MapId && ids.Contains(p.PersonId))
                .ToDictionaryAsync(p => p.PersonId, ct);
            foreach (var p in positions)
            {
                if (!kept.TryGetValue(p.PersonId, out var row))
                    kept[p.PersonId] = row = db.MapPositions.Add(new MapPosition { UserId = userId, Kind = command.Kind, MapId = command.MapId, PersonId = p.PersonId }).Entity;
                (row.X, row.Y) = (Math.Round(p.X, 2), Math.Round(p.Y, 2));
            }
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return positions.Count;
        }
    }

    /// <summary>The account whose people a map shows, if the caller reads the map.</summary>
    internal static async Task<Guid?> MapAccountAsync(AppDbContext db, MapKind kind, Guid mapId, CancellationToken ct) => kind switch
    {
        MapKind.Opportunity => await db.Opportunities.Where(o => o.Id == mapId).Select(o => (Guid?)o.AccountId).FirstOrDefaultAsync(ct),
        _ => await db.Accounts.Where(a => a.Id == mapId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct),
    };

    internal static Error MapNotFound(MapKind kind, Guid mapId) => Versions.NotFound(kind == MapKind.Opportunity ? "opportunity" : "account", mapId);
}
