namespace KeySell.Application.RedFlags;

/// <summary>
/// The one table of which cell of the sheet causes each red flag (the support, the contact, the mode…), so a flag — and
/// a drill's explanation — can take the seller straight to what to change. The sheet marks these cells
/// <c>data-cell</c> in a person's row and <c>data-sheet-cell</c> once on the sheet; a link names one as
/// <c>?cell=…&amp;influence=…</c>.
/// </summary>
public static class SheetCells
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

    /// <summary>The cell a rule points at; an id no rule has (a newer file) points at the person.</summary>
    public static string Of(string id) => CellById.GetValueOrDefault(id, "person");

    /// <summary>The sheet's address with a cell to show: the cell in the person's row when one is named, else the sheet's own.</summary>
    public static string Link(Guid opportunityId, string cell, string? influenceKey) =>
        $"/opportunities/{opportunityId}?cell={Uri.EscapeDataString(cell)}" + (influenceKey is null ? "" : $"&influence={Uri.EscapeDataString(influenceKey)}");
}
