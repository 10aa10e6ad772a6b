using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.RelationshipMap;

namespace KeySell.Application.RelationshipMap;

/// <summary>
/// A relationship map as the page and the API read it: the people as nodes (with the caller's own positions, or the first
/// layout's), the reporting lines and the informal lines as edges. <see cref="Omitted"/> counts the people left off by the cap.
/// </summary>
public sealed record MapDetail(MapKind Kind, Guid Id, string Name, Guid AccountId, string AccountName, Guid? SupportFrom,
    IReadOnlyList<MapNode> Nodes, IReadOnlyList<MapEdge> Edges, int Omitted, bool CanEditLines)
{
    /// <summary>The most people one map shows; an org chart of thousands is summarised past it (decision 0029).</summary>
    public const int MaxNodes = 300;
}

/// <summary>
/// One person on a map. On a deal's map (or an account's map with a deal picked) the deal's reading of them: support −5…+5 or
/// null, influence, roles, mode and our counterpart; <see cref="Key"/> is their influence key on that deal.
/// </summary>
public sealed record MapNode(Guid PersonId, string Name, string? Title, string? Key, int? Support, InfluenceLevel Influence,
    BuyingRoles Roles, ResponseMode Mode, string? Counterpart, bool OnDeal, MapPoint Position);

/// <summary>Where a node sits; <see cref="Saved"/> when the caller put it there, false for the first layout's place.</summary>
public sealed record MapPoint(double X, double Y, bool Saved);

/// <summary>
/// A line of the map. <see cref="Kind"/> is <see cref="MapEdgeKind.Reporting"/> (from reports to to; <see cref="Skips"/> when
/// people between them are not on the map, drawn dashed) or <see cref="MapEdgeKind.Informal"/> (from listens to to, with a
/// strength and a note). An informal line names where it is kept: <see cref="OpportunityId"/> for a deal's influence line,
/// none for the account's own <c>personLine</c>; <see cref="LineId"/> and <see cref="Version"/> to change it.
/// </summary>
public sealed record MapEdge(MapEdgeKind Kind, Guid From, Guid To, bool Skips, LineStrength? Strength, string? Note,
    Guid? LineId, int? Version, Guid? OpportunityId);

public enum MapEdgeKind
{
    Reporting = 0,
    Informal = 1,
}
