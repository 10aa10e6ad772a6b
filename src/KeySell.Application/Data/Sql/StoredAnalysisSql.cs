namespace KeySell.Application.Data.Sql;

/// <summary>
/// SQLite only (decision 0023): the stored analysis summaries kept in deal-id order — a <c>WITHOUT ROWID</c> table
/// clustered on its key — run by migration <c>FunnelAtScale</c>. The daily run judges the deals in id order, a batch
/// of neighbours at a time, and moves each unchanged verdict's day forward; in a rowid table the rows sit in the order
/// they were last written (every save replaces its deal's row), so a batch's 256 rows were 256 random pages and a
/// million-deal run wrote 35 GB. Clustered, a batch's rows share a few pages: 4 GB, and 139 s → 105 s on the 1M
/// database. An EF Core rebuild of this table (a future column change on SQLite) would make it a rowid table again:
/// such a migration must run <see cref="Up"/> after it.
/// </summary>
public static class StoredAnalysisSql
{
    private const string Columns =
        "\"OpportunityId\", \"AsOf\", \"ComputedAt\", \"Settings\", \"RedFlags\", \"RedFlagCount\", \"CriticalCount\", \"HighestMet\", \"Premature\"";

    private static string[] Rebuild(string withoutRowid) =>
    [
        $"""
        CREATE TABLE "AnalysisSummaries_new" (
            "OpportunityId" TEXT NOT NULL CONSTRAINT "PK_AnalysisSummaries" PRIMARY KEY,
            "AsOf" TEXT NOT NULL, "ComputedAt" TEXT NOT NULL, "Settings" TEXT NOT NULL, "RedFlags" TEXT NOT NULL,
            "RedFlagCount" INTEGER NOT NULL, "CriticalCount" INTEGER NOT NULL, "HighestMet" TEXT NOT NULL, "Premature" INTEGER NOT NULL,
            CONSTRAINT "FK_AnalysisSummaries_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
        ){withoutRowid}
        """,
        $"""INSERT INTO "AnalysisSummaries_new" ({Columns}) SELECT {Columns} FROM "AnalysisSummaries" ORDER BY "OpportunityId" """,
        """DROP TABLE "AnalysisSummaries" """,
        """ALTER TABLE "AnalysisSummaries_new" RENAME TO "AnalysisSummaries" """,
        """CREATE INDEX "IX_AnalysisSummaries_AsOf" ON "AnalysisSummaries" ("AsOf")""",
        """CREATE INDEX "IX_AnalysisSummaries_OpportunityId_Premature" ON "AnalysisSummaries" ("OpportunityId", "Premature")""",
    ];

    public static readonly string[] Up = Rebuild(" WITHOUT ROWID");

    public static readonly string[] Down = Rebuild("");
}
