namespace KeySell.Domain.RelationshipMap;

/// <summary>
/// Where one user dragged one person on one relationship map. A personal view, not a fact about the customer: it has no
/// history and no version, and nobody else reads it (decision 0029).
/// </summary>
public class MapPosition
{
    /// <summary>How far from the origin a node may be dropped: far beyond any screen, and a bound on what is stored.</summary>
    public const double MaxCoordinate = 100_000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string UserId { get; set; } = "";
    public MapKind Kind { get; set; }
    /// <summary>The deal's or the account's id, by <see cref="Kind"/>.</summary>
    public Guid MapId { get; set; }
    public Guid PersonId { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
}

/// <summary>Whose map: a deal's buying influences or an account's org chart.</summary>
public enum MapKind
{
    Opportunity = 0,
    Account = 1,
}
