namespace KeySell.Web.Components.Opportunities;

/// <summary>
/// The one table of which cell causes each red flag, so a flag can take the seller straight to what to change.
/// A cell named here is marked <c>data-cell</c> on the sheet: inside the person's row (<c>#influence-{key}</c>) for a
/// flag about one person, or once on the sheet for a flag about the whole deal.
/// </summary>
public static class FlagCells
{
    private static readonly Dictionary<string, string> CellById = new(StringComparer.Ordinal)
    {
        ["no-coach"] = "roles",
        ["coach-gone"] = "person",
        ["coach-weak"] = "support",
        ["no-economic-buyer"] = "roles",
        ["no-user"] = "roles",
        ["uncovered"] = "contact",
        // Names several unknowns at once; the row's first columns are where the gaps start.
        ["missing-information"] = "person",
        ["opponent"] = "support",
        ["technical-veto"] = "support",
        ["no-counterpart"] = "counterpart",
        ["unreceptive-economic-buyer"] = "mode",
        ["no-win-result"] = "wins",
        ["no-strength"] = "strengths",
        ["late-entry"] = "engagement",
        ["incomplete-objective"] = "objective",
        ["new-player"] = "since",
        ["stale"] = "last-contact",
        ["open-objection"] = "objections",
        ["not-win-win"] = "expected-outcome",
        ["poor-fit"] = "objective",
        ["no-next-step"] = "actions",
        ["overdue-action"] = "actions",
        ["continuation-only"] = "calls",
        ["needs-not-rooted"] = "needs",
        ["needs-not-decomposed"] = "needs",
        ["needs-not-landed"] = "needs",
        ["objection-unconfirmed"] = "objections",
        ["objection-unproven"] = "objections",
        ["no-top-officer"] = "person",
        ["manual"] = "red-flags",
    };

    /// <summary>The rule ids this table names a cell for.</summary>
    public static IReadOnlyCollection<string> RuleIds => CellById.Keys;

    /// <summary>The cell a rule points at; an id no rule has (a newer file) points at the person, else the sheet's flags.</summary>
    public static string CellOf(string id) => CellById.GetValueOrDefault(id, "person");

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
