using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Opportunities;
using KeySell.Domain.RelationshipMap;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.RelationshipMap;

/// <summary>
/// An account's relationship map, bounded because org charts reach thousands (decision 0016): the people on any open deal the
/// caller reads, the people on an informal line (the readable deals' and the account's own), everyone above them up to the top,
/// and whoever the caller adds by search (<see cref="Query.Include"/>) — at most <see cref="MapDetail.MaxNodes"/>, the rest counted.
/// Support, roles, mode and counterpart come from the deal picked in <see cref="Query.SupportFrom"/>; without one nodes look neutral.
/// </summary>
public static class GetAccountMap
{
    /// <summary>People a caller may add to the map at once by search.</summary>
    public const int MaxIncluded = 100;

    public sealed record Query(Guid AccountId, Guid? SupportFrom = null, IReadOnlyList<Guid>? Include = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<MapDetail>> Handle(Query query, CancellationToken ct)
        {
            var account = await db.Accounts.AsNoTracking().Where(a => a.Id == query.AccountId).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
            if (account is null) return Versions.NotFound("account", query.AccountId);

            var reportsTo = await MapPeople.ReportingLinesAsync(db, account.Id, ct);
            var validation = new Validation();
            var include = query.Include ?? [];
            if (include.Count > MaxIncluded) validation.Add("include", Messages.Format("Map.TooManyIncluded", MaxIncluded));
            foreach (var id in include.Where(id => !reportsTo.ContainsKey(id)).Take(1)) validation.Add("include", Messages.Format("Map.NotOfAccount", id));
            if (query.SupportFrom is { } from && !await db.Opportunities.AnyAsync(o => o.Id == from && o.AccountId == account.Id, ct))
                validation.Add("deal", Messages.Format("Map.DealNotOfAccount", from));
            if (validation.HasErrors) return validation.ToError();

            var openDeals = db.Opportunities.Where(o => o.AccountId == account.Id
                && (o.FunnelLevel == FunnelLevel.Universe || o.FunnelLevel == FunnelLevel.Above || o.FunnelLevel == FunnelLevel.In || o.FunnelLevel == FunnelLevel.BestFew));
            var onDeals = await db.BuyingInfluences.AsNoTracking().Where(i => openDeals.Any(o => o.Id == i.OpportunityId))
                .OrderBy(i => i.OpportunityId).ThenBy(i => i.Position).Select(i => new { i.OpportunityId, i.Key, i.PersonId }).ToListAsync(ct);
            var dealLines = await db.InfluenceLines.AsNoTracking().Where(l => openDeals.Any(o => o.Id == l.OpportunityId))
                .OrderBy(l => l.OpportunityId).ThenBy(l => l.Position).ToListAsync(ct);
            var personLines = (await db.PersonLines.AsNoTracking().Where(l => l.AccountId == account.Id).ToListAsync(ct))
                .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).ToList();
            var picked = query.SupportFrom is { } deal ? await DealReading.OfAsync(db, deal, ct) : [];

            var personOf = onDeals.ToDictionary(i => (i.OpportunityId, i.Key), i => i.PersonId);
            var informal = new List<MapEdge>();
            foreach (var l in dealLines)
            {
                if (personOf.TryGetValue((l.OpportunityId, l.FromKey), out var f) && personOf.TryGetValue((l.OpportunityId, l.ToKey), out var t))
                    informal.Add(new MapEdge(MapEdgeKind.Informal, f, t, false, l.Strength, l.Note, l.Id, l.Version, l.OpportunityId));
            }
            informal.AddRange(personLines.Select(l => new MapEdge(MapEdgeKind.Informal, l.FromPersonId, l.ToPersonId, false, l.Strength, l.Note, l.Id, l.Version, null)));

            // Who is wanted, most telling first, each followed by their chain to the top; the cap cuts from the end.
            var wanted = new List<Guid>();
            var seen = new HashSet<Guid>();
            var seeds = onDeals.Select(i => i.PersonId)
                .Concat(informal.SelectMany(e => new[] { e.From, e.To }))
                .Concat(picked.Values.OrderBy(r => r.Position).Select(r => r.PersonId))
                .Concat(include);
            foreach (var seed in seeds)
            {
                for (Guid? current = seed; current is { } id && reportsTo.ContainsKey(id) && seen.Add(id); current = reportsTo[id]) wanted.Add(id);
            }
            var shownIds = wanted.Take(MapDetail.MaxNodes).ToList();

            var people = await db.People.AsNoTracking().Where(p => shownIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Title }).ToDictionaryAsync(p => p.Id, ct);
            shownIds = shownIds.Where(people.ContainsKey).ToList();
            var shownSet = shownIds.ToHashSet();
            var reporting = MapPeople.ReportingEdges(shownIds, reportsTo);
            var positions = await MapPeople.PositionsAsync(db, MapKind.Account, account.Id, shownIds.Select(id => (id, people[id].Name)).ToList(), reporting, ct);
            var onAnyDeal = onDeals.Select(i => i.PersonId).ToHashSet();
            var nodes = shownIds.Select(id => picked.TryGetValue(id, out var r)
                    ? r.Node(positions[id]) with { OnDeal = true }
                    : new MapNode(id, people[id].Name, people[id].Title, null, null, InfluenceLevel.Unknown, BuyingRoles.None, ResponseMode.Unknown, null,
                        onAnyDeal.Contains(id), positions[id]))
                .ToList();
            var edges = reporting.Concat(informal.Where(e => shownSet.Contains(e.From) && shownSet.Contains(e.To))).ToList();
            return new MapDetail(MapKind.Account, account.Id, account.Name, account.Id, account.Name, query.SupportFrom, nodes, edges,
                wanted.Count - shownIds.Count, await db.MayWriteAccountAsync(account.Id, ct));
        }
    }
}
