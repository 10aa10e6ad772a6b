namespace KeySell.Domain.OrgCharts;

/// <summary>
/// Reporting lines must form a tree: a person cannot report to themselves or, through others,
/// to someone who reports to them.
/// </summary>
public static class OrgChart
{
    public static bool WouldCreateCycle(Guid personId, Guid? newManagerId, IReadOnlyDictionary<Guid, Guid?> reportsTo)
    {
        var seen = new HashSet<Guid>();
        for (var current = newManagerId; current is { } id; current = reportsTo.GetValueOrDefault(id))
        {
            if (id == personId || !seen.Add(id)) return true;
        }
        return false;
    }
}
