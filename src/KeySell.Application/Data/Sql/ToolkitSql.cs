namespace KeySell.Application.Data.Sql;

/// <summary>
/// What the migration <c>SellingToolkit</c> runs besides EF's tables (decision 0024), kept here so a regenerated
/// migration calls the same statements: deals set up before version 2 get the day they were created as their
/// <c>CreatedOn</c>, so the new-player rule's two weeks of setting up apply to them too. The day is the UTC day of
/// <c>CreatedAt</c> (SQLite keeps that moment as ISO text, PostgreSQL as timestamptz).
/// </summary>
public static class ToolkitSql
{
    public static readonly string[] SqliteUp =
    [
        """UPDATE "Opportunities" SET "CreatedOn" = substr("CreatedAt", 1, 10) WHERE "CreatedOn" IS NULL""",
    ];

    public static readonly string[] PostgresUp =
    [
        """UPDATE "Opportunities" SET "CreatedOn" = ("CreatedAt" AT TIME ZONE 'UTC')::date WHERE "CreatedOn" IS NULL""",
    ];
}
