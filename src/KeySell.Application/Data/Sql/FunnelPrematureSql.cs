namespace KeySell.Application.Data.Sql;

/// <summary>
/// Migration <c>FunnelPremature</c> (decision 0018): the deals get the stored summary's premature verdict (a column the
/// migration adds, false by default), filled here from the summaries, and the funnel summary's covering index is made
/// again with it, so the summary reads that index only — no lookup into the summaries per open deal. The index is
/// dropped before the fill so the update does not maintain it. Same SQL on SQLite and PostgreSQL.
/// </summary>
public static class FunnelPrematureSql
{
    public static readonly string[] Up =
    [
        $"""DROP INDEX "{FunnelSql.IndexName}" """,
        """
        UPDATE "Opportunities" SET "Premature" = TRUE
        WHERE "Id" IN (SELECT "OpportunityId" FROM "AnalysisSummaries" WHERE "Premature")
        """,
        $"""
        CREATE INDEX "{FunnelSql.IndexName}" ON "Opportunities" ("OwnerId", "FunnelLevel", "ObjectiveCurrency", "ObjectiveAmount", "Premature", "ObjectiveCloseDate", "AccountId", "Id", "DeletedAt") WHERE "DeletedAt" IS NULL
        """,
    ];

    /// <summary>Back to migration <c>FunnelBoard</c>'s index; the column itself is dropped by the migration after this.</summary>
    public static readonly string[] Down =
    [
        $"""DROP INDEX "{FunnelSql.IndexName}" """,
        .. FunnelSql.Up,
    ];
}
