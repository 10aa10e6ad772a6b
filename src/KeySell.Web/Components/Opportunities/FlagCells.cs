using KeySell.Application.RedFlags;

namespace KeySell.Web.Components.Opportunities;

/// <summary>
/// Where on the sheet a red flag takes the seller: the cell <see cref="SheetCells"/> names for its rule, in the person's
/// row or once on the sheet. A cell is marked <c>data-cell</c> on the sheet: inside the person's row (<c>#influence-{key}</c>) for a
/// flag about one person, or once on the sheet for a flag about the whole deal.
/// </summary>
public static class FlagCells
{
    /// <summary>The rule ids the table names a cell for.</summary>
    public static IReadOnlyCollection<string> RuleIds => SheetCells.RuleIds;

    /// <summary>The cell a rule points at (<see cref="SheetCells.Of"/>).</summary>
    public static string CellOf(string id) => SheetCells.Of(id);

    /// <summary>
    /// The CSS selector of the cell behind a flag: the cell in the person's row when the flag concerns one person,
    /// else the sheet's own cell of that name (a column's heading for a person's column: "no coach" points at Roles).
    /// </summary>
    public static string Selector(FlagLine flag)
    {
        var cell = CellOf(flag.Id);
        return flag.InfluenceKey is { } key
            ? $"#influence-{key} [data-cell=\"{cell}\"]"
            : $"[data-sheet-cell=\"{cell}\"]";
    }

    /// <summary>Where the link goes without script: the person's row, or the sheet.</summary>
    public static string Anchor(FlagLine flag) => flag.InfluenceKey is { } key ? $"#influence-{key}" : "#flags-heading";
}
