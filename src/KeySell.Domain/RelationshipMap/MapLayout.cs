namespace KeySell.Domain.RelationshipMap;

/// <summary>
/// The first arrangement of a relationship map, before anyone drags a node: a tree by reporting line, top officer at the top,
/// each manager centred over the people who report to them, and people who report to nobody on the map in rows underneath.
/// Deterministic (ordered by name, then id) so the same map always opens the same way.
/// </summary>
public static class MapLayout
{
    public const double ColumnWidth = 210;
    public const double RowHeight = 150;
    /// <summary>Lone people per row under the tree.</summary>
    public const int LonePerRow = 6;

    /// <param name="people">Each person on the map, the nearest person above them who is also on the map (or null), and a name to order by.</param>
    public static IReadOnlyDictionary<Guid, (double X, double Y)> Arrange(IReadOnlyList<(Guid Id, Guid? Above, string Name)> people)
    {
        var shown = people.Select(p => p.Id).ToHashSet();
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        var reports = people.Where(p => p.Above is { } above && shown.Contains(above) && above != p.Id)
            .GroupBy(p => p.Above!.Value)
            .ToDictionary(g => g.Key, g => Ordered(g.Select(p => p.Id)));
        var hasManager = people.Where(p => p.Above is { } above && shown.Contains(above) && above != p.Id).Select(p => p.Id).ToHashSet();

        var roots = Ordered(people.Where(p => !hasManager.Contains(p.Id)).Select(p => p.Id));
        var trees = roots.Where(reports.ContainsKey).ToList();
        var lone = roots.Where(r => !reports.ContainsKey(r)).ToList();

        var placed = new Dictionary<Guid, (double X, double Y)>();
        var nextColumn = 0;
        var deepest = -1;
        foreach (var root in trees) Place(root, 0);

        // Whoever is left is either alone or in a reporting loop the org chart should not have: rows underneath.
        lone.AddRange(Ordered(people.Select(p => p.Id).Where(id => !placed.ContainsKey(id) && !lone.Contains(id))));
        for (var i = 0; i < lone.Count; i++)
            placed[lone[i]] = (i % LonePerRow * ColumnWidth, (deepest + 1 + i / LonePerRow) * RowHeight);
        return placed;

        double Place(Guid id, int depth)
        {
            placed[id] = (0, depth * RowHeight);
            deepest = Math.Max(deepest, depth);
            var children = reports.GetValueOrDefault(id, []).Where(c => !placed.ContainsKey(c)).ToList();
            double x;
            if (children.Count == 0) x = nextColumn++ * ColumnWidth;
            else
            {
                var xs = children.Select(c => Place(c, depth + 1)).ToList();
                x = (xs[0] + xs[^1]) / 2;
            }
            placed[id] = (x, depth * RowHeight);
            return x;
        }

        List<Guid> Ordered(IEnumerable<Guid> ids) =>
            ids.OrderBy(id => names[id], StringComparer.Ordinal).ThenBy(id => id).ToList();
    }

    /// <summary>
    /// The nearest person above <paramref name="person"/> who is on the map, and whether a line to them skips people who
    /// are not (drawn dashed). Null when nobody above them is shown.
    /// </summary>
    public static (Guid Above, bool Skips)? NearestShownAbove(Guid person, IReadOnlyDictionary<Guid, Guid?> reportsTo, IReadOnlySet<Guid> shown)
    {
        var seen = new HashSet<Guid> { person };
        var skips = false;
        for (var current = reportsTo.GetValueOrDefault(person); current is { } id; current = reportsTo.GetValueOrDefault(id))
        {
            if (!seen.Add(id)) return null;
            if (shown.Contains(id)) return (id, skips);
            skips = true;
        }
        return null;
    }
}
