namespace KeySell.Application.Data.Sql;

/// <summary>
/// The funnel board's index (decision 0022), hand-written SQL the migration <c>FunnelAtScale</c> runs, kept here so a
/// regenerated migration calls the same statements. A board column is one level's deals in the work queue's order
/// inside a level (<see cref="Funnel.ListWorkQueue.InLevelOrder"/>: no close date last, close date, then amount and
/// name); the index holds the level and the first two keys, so the database seeks to the level, walks it in order
/// and stops when the column is full — for every level, won and lost included, which the queue's own partial index
/// leaves out. The expression repeats, word for word, what EF generates for that order. Same SQL on both databases.
/// </summary>
public static class FunnelBoardSql
{
    public const string IndexName = "IX_Opportunities_Board";

    public static readonly string[] Up =
    [
        $"""CREATE INDEX "{IndexName}" ON "Opportunities" ("FunnelLevel", ("ObjectiveCloseDate" IS NULL), "ObjectiveCloseDate") WHERE "DeletedAt" IS NULL""",
    ];

    public static readonly string[] Down = [$"DROP INDEX \"{IndexName}\""];
}
