using KeySell.Application.Data;
using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;

namespace KeySell.Application.BuyingInfluences;

/// <summary>
/// The toolkit's references to a deal's influences by sheet key — a call's <c>with</c>, an action's influence, both
/// ends of an influence line — kept true when influences leave the deal or change key, so the stored sheet stays one
/// the reader accepts. One home for the removal of one influence and for a version-1 sheet, which replaces the grid
/// but says nothing of the toolkit.
/// </summary>
internal static class InfluenceReferences
{
    /// <param name="moved">Old key → new key, or → null for an influence that has left the deal.</param>
    public static void Follow(AppDbContext db, IReadOnlyDictionary<string, string?> moved,
        IEnumerable<Call> calls, IEnumerable<SellingAction> actions, IEnumerable<InfluenceLine> lines)
    {
        if (moved.Count == 0) return;
        string? Now(string key) => moved.TryGetValue(key, out var now) ? now : key;
        foreach (var call in calls.Where(c => c.With.Any(moved.ContainsKey)))
            call.With = call.With.Select(Now).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var action in actions.Where(a => a.InfluenceKey is { } key && moved.ContainsKey(key)))
            action.InfluenceKey = Now(action.InfluenceKey!);
        foreach (var line in lines.Where(l => moved.ContainsKey(l.FromKey) || moved.ContainsKey(l.ToKey)).ToList())
        {
            var (from, to) = (Now(line.FromKey), Now(line.ToKey));
            if (from is null || to is null || from == to) db.InfluenceLines.Remove(line);
            else (line.FromKey, line.ToKey) = (from, to);
        }
    }
}
