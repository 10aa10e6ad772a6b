using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>
/// A deal's relationship map: its buying influences as nodes, the reporting lines among them from the org chart, and the
/// deal's informal influence lines (sheet version 2's <c>influenceLines</c>).
/// </summary>
public static class GetDealMap
{
    public sealed record Query(Guid OpportunityId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<MapDetail>> Handle(Query query, CancellationToken ct)
        {
            var deal = await db.Opportunities.AsNoTracking().Where(o => o.Id == query.OpportunityId)
                .Select(o => new { o.Id, o.Name, o.AccountId }).FirstOrDefaultAsync(ct);
            if (deal is null) return Versions.NotFound("opportunity", query.OpportunityId);
            var accountName = await db.Accounts.AsNoTracking().Where(a => a.Id == deal.AccountId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";

            var influences = await DealReading.OfAsync(db, deal.Id, ct);
            var shown = influences.Values.OrderBy(i => i.Position).ToList();
            var byKey = shown.ToDictionary(i => i.Key, i => i.PersonId, StringComparer.Ordinal);

            var reporting = MapPeople.ReportingEdges(shown.Select(i => i.PersonId).ToList(), await MapPeople.ReportingLinesAsync(db, deal.AccountId, ct));
            var lines = await db.InfluenceLines.AsNoTracking().Where(l => l.OpportunityId == deal.Id).OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);
            var informal = lines.Where(l => byKey.ContainsKey(l.FromKey) && byKey.ContainsKey(l.ToKey))
                .Select(l => new MapEdge(MapEdgeKind.Informal, byKey[l.FromKey], byKey[l.ToKey], false, l.Strength, l.Note, l.Id, l.Version, deal.Id));

            var positions = await MapPeople.PositionsAsync(db, MapKind.Opportunity, deal.Id, shown.Select(i => (i.PersonId, i.Name)).ToList(), reporting, ct);
            var nodes = shown.Select(i => i.Node(positions[i.PersonId])).ToList();
            return new MapDetail(MapKind.Opportunity, deal.Id, deal.Name, deal.AccountId, accountName, deal.Id, nodes, [.. reporting, .. informal], 0,
                await db.MayWriteOpportunityAsync(deal.Id, ct));
        }
    }
}

/// <summary>How one deal reads its people, by person: the five dimensions the map draws.</summary>
internal sealed record DealReading(Guid PersonId, string Name, string? Title, string Key, int Position, int? Support, InfluenceLevel Influence,
    BuyingRoles Roles, ResponseMode Mode, string? Counterpart)
{
    public MapNode Node(MapPoint position) => new(PersonId, Name, Title, Key, Support, Influence, Roles, Mode, Counterpart, true, position);

    public static async Task<Dictionary<Guid, DealReading>> OfAsync(AppDbContext db, Guid opportunityId, CancellationToken ct) =>
        (await db.BuyingInfluences.AsNoTracking().Where(i => i.OpportunityId == opportunityId && i.Person != null)
            .Select(i => new DealReading(i.PersonId, i.Person!.Name, i.Person.Title, i.Key, i.Position, i.Support, i.Influence, i.Roles, i.Mode,
                i.Counterpart == null ? null : i.Counterpart.Name))
            .ToListAsync(ct))
        .GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.First());
}
