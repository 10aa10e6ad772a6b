using KeySell.Application.Data;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>
/// What both maps do alike: read the account's reporting lines, draw them between the people shown (to the nearest shown
/// manager when the direct one is not shown), and place every node where the caller left it or where the first layout puts it.
/// </summary>
internal static class MapPeople
{
    /// <summary>Every person of the account (deleted ones are filtered out) and whom they report to: two columns, read once.</summary>
    public static async Task<Dictionary<Guid, Guid?>> ReportingLinesAsync(AppDbContext db, Guid accountId, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.AccountId == accountId).Select(p => new { p.Id, p.ReportsToId })
            .ToDictionaryAsync(p => p.Id, p => p.ReportsToId, ct);

    public static List<MapEdge> ReportingEdges(IReadOnlyList<Guid> shown, IReadOnlyDictionary<Guid, Guid?> reportsTo)
    {
        var set = shown.ToHashSet();
        var edges = new List<MapEdge>();
        foreach (var person in shown)
        {
            if (MapLayout.NearestShownAbove(person, reportsTo, set) is { } above)
                edges.Add(new MapEdge(MapEdgeKind.Reporting, person, above.Above, above.Skips, null, null, null, null, null));
        }
        return edges;
    }

    /// <summary>The caller's saved places for this map, else the first layout's (by reporting line among those shown).</summary>
    public static async Task<Dictionary<Guid, MapPoint>> PositionsAsync(AppDbContext db, MapKind kind, Guid mapId,
        IReadOnlyList<(Guid Id, string Name)> shown, IReadOnlyList<MapEdge> reporting, CancellationToken ct)
    {
        var userId = db.CallerUserId;
        var saved = userId.Length == 0
            ? []
            : await db.MapPositions.AsNoTracking().Where(p => p.UserId == userId && p.Kind == kind && p.MapId == mapId)
                .ToDictionaryAsync(p => p.PersonId, p => new MapPoint(p.X, p.Y, true), ct);
        var above = reporting.ToDictionary(e => e.From, e => (Guid?)e.To);
        var layout = MapLayout.Arrange(shown.Select(p => (p.Id, above.GetValueOrDefault(p.Id), p.Name)).ToList());
        return shown.ToDictionary(p => p.Id, p => saved.GetValueOrDefault(p.Id) ?? new MapPoint(layout[p.Id].X, layout[p.Id].Y, false));
    }
}
