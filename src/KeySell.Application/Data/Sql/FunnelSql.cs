namespace KeySell.Application.Data.Sql;

/// <summary>
/// The funnel summary's index (decision 0018), hand-written SQL the migration <c>FunnelBoard</c> runs, kept here so a
/// regenerated migration calls the same statement: EF Core cannot declare an index over a complex property's columns
/// (the objective's currency, amount and close date). The summary counts and sums per level and currency over one
/// owner's deals (<c>me</c>, a team) or everyone's (<c>all</c>); this index holds every column that query and the
/// access rules read, so it is walked instead of the wide rows — by an owner prefix, or whole. The same SQL on SQLite
/// and PostgreSQL; partial on the live rows like the other deal indexes.
/// </summary>
public static class FunnelSql
{
    public const string IndexName = "IX_Opportunities_Funnel";

    public static readonly string[] Up =
    [
        $"""
        CREATE INDEX "{IndexName}" ON "Opportunities" ("OwnerId", "FunnelLevel", "ObjectiveCurrency", "ObjectiveAmount", "ObjectiveCloseDate", "AccountId", "Id", "DeletedAt") WHERE "DeletedAt" IS NULL
        """,
    ];

    public static readonly string[] Down = [$"DROP INDEX \"{IndexName}\""];
}
