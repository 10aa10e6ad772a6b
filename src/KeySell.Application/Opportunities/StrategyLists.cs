using KeySell.Application.Data;

namespace KeySell.Application.Opportunities;

/// <summary>
/// Writes a deal's strengths, red flags or objections row by row at their positions, so a list
/// saved as it was read changes no row and writes no history, and a changed entry is one update.
/// </summary>
internal static class StrategyLists
{
    /// <summary>Updates the stored rows in order, adds rows the input has beyond them and removes the rest.</summary>
    public static void Keep<TRow, TItem>(AppDbContext db, List<TRow> rows, IReadOnlyList<TItem> items, Func<TRow> create, Action<TRow, TItem, int> write)
        where TRow : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            var row = i < rows.Count ? rows[i] : db.Set<TRow>().Add(create()).Entity;
            write(row, items[i], i);
        }
        for (var i = items.Count; i < rows.Count; i++) db.Set<TRow>().Remove(rows[i]);
    }
}
