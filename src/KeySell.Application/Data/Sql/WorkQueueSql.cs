namespace KeySell.Application.Data.Sql;

/// <summary>
/// The work queue's index (decision 0019), hand-written SQL the migration <c>WorkQueue</c> runs, kept here so a
/// regenerated migration calls the same statements. The queue orders open deals by the method's level rank, then
/// close date (none last), then amount in the base currency; the index holds the first three keys in that order,
/// so the database walks it and sorts only the deals that share a level and a close date by amount (SQLite:
/// "USE TEMP B-TREE FOR LAST 4 TERMS OF ORDER BY"; PostgreSQL: an incremental sort), and stops when the page is full.
/// The amount cannot be indexed: it depends on the rate table. The expressions repeat, word for word, what EF
/// generates for <see cref="Funnel.ListWorkQueue"/>'s order and filter: both databases use an expression index
/// only for the same expression, and a partial one only when the query's WHERE holds its terms.
/// </summary>
public static class WorkQueueSql
{
    public const string IndexName = "IX_Opportunities_WorkQueue";

    private const string Columns =
        "((CASE WHEN \"FunnelLevel\" = 'best-few' THEN 0 WHEN \"FunnelLevel\" = 'above' THEN 1 WHEN \"FunnelLevel\" = 'in' THEN 2 ELSE 3 END), "
        + "(\"ObjectiveCloseDate\" IS NULL), \"ObjectiveCloseDate\")";

    private const string OpenLiveRows = "\"DeletedAt\" IS NULL AND \"FunnelLevel\" NOT IN ('won', 'lost')";

    /// <summary>The same statement on SQLite and PostgreSQL.</summary>
    public static readonly string[] Up = [$"CREATE INDEX IF NOT EXISTS \"{IndexName}\" ON \"Opportunities\" {Columns} WHERE {OpenLiveRows}"];

    public static readonly string[] Down = [$"DROP INDEX IF EXISTS \"{IndexName}\""];

    /// <summary>
    /// One owner's queue (scope <c>me</c>; migration <c>WorkQueueByOwner</c>): the same keys behind the owner, so the
    /// database seeks the owner's open deals already in queue order and stops at a full page, instead of reading every
    /// deal of theirs through the (owner, name) index and sorting them all (5,491 for the busiest seller of the 1M
    /// database: 20–35 ms, then 0.3 ms). A team's many owners are kept off it (<c>ListWorkQueue</c>'s COALESCE): their
    /// deals come in queue order only from the index above.
    /// </summary>
    public const string ByOwnerIndexName = "IX_Opportunities_WorkQueueByOwner";

    public static readonly string[] ByOwnerUp =
        [$"CREATE INDEX IF NOT EXISTS \"{ByOwnerIndexName}\" ON \"Opportunities\" (\"OwnerId\", {Columns[1..^1]}) WHERE {OpenLiveRows}"];

    public static readonly string[] ByOwnerDown = [$"DROP INDEX IF EXISTS \"{ByOwnerIndexName}\""];
}
