using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Data.Sql;

/// <summary>
/// The carry-over of the hand-typed ideal-customer scores into ratings (decision 0017), run by the
/// migration <c>IdealCustomer</c> and kept here so a regenerated migration calls the same statements.
/// Only a database with a typed score gets the five default criteria as rows; every account with a
/// score X rates each default X rounded half away from zero, with a note saying so, and its score
/// becomes what those ratings give (X rounded the same way). Deals on an account whose score moved
/// have their stored summary marked outdated, so the start-up refresh judges them again.
/// </summary>
public static class IdealCustomerSql
{
    private const string By = "migration:IdealCustomer";

    private static readonly (string Id, string Key)[] Defaults =
    [
        ("1DEA1000-0000-4000-8000-000000000001", "industry-fit"),
        ("1DEA1000-0000-4000-8000-000000000002", "size"),
        ("1DEA1000-0000-4000-8000-000000000003", "budget"),
        ("1DEA1000-0000-4000-8000-000000000004", "culture"),
        ("1DEA1000-0000-4000-8000-000000000005", "openness-to-change"),
    ];

    public static class Sqlite
    {
        private const string Now = "(strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00')";
        private const string Score = "CAST(a.\"IdealCustomerScore\" AS REAL)";
        // SQLite's round() takes halves away from zero.
        private const string Rounded = $"CAST(round({Score}) AS INTEGER)";
        private const string NewId = "(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

        public static readonly string[] CarryOver =
        [
            $"""
            INSERT INTO "FitCriteria" ("Id", "DefaultKey", "Name", "Description", "Weight", "Position", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version")
            SELECT d.column1, d.column2, NULL, NULL, 1, d.column3, {Now}, '{By}', {Now}, '{By}', 1
            FROM (VALUES {string.Join(", ", Defaults.Select((d, i) => $"('{d.Id}', '{d.Key}', {i})"))}) AS d
            WHERE EXISTS (SELECT 1 FROM "Accounts" WHERE "IdealCustomerScore" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "FitCriteria")
            """,
            $"""
            UPDATE "AnalysisSummaries" SET "Settings" = 'carried-over'
            WHERE "OpportunityId" IN (SELECT o."Id" FROM "Opportunities" o JOIN "Accounts" a ON a."Id" = o."AccountId"
                WHERE a."IdealCustomerScore" IS NOT NULL AND {Score} <> round({Score}))
            """,
            $"""
            INSERT INTO "FitRatings" ("Id", "AccountId", "CriterionId", "Rating", "Note", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version")
            SELECT {NewId}, a."Id", c."Id", {Rounded},
                'Carried over from the hand-typed score ' || CAST({Score} AS TEXT) || ' (由手工填写的评分 ' || CAST({Score} AS TEXT) || ' 转入)',
                {Now}, '{By}', {Now}, '{By}', 1
            FROM "Accounts" a CROSS JOIN "FitCriteria" c
            WHERE a."IdealCustomerScore" IS NOT NULL AND c."DefaultKey" IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM "FitRatings" r WHERE r."AccountId" = a."Id" AND r."CriterionId" = c."Id")
            """,
            // Decimals are text on SQLite, written as EF Core writes them ("3.0").
            $"""
            UPDATE "Accounts" AS a SET "IdealCustomerScore" = CAST({Rounded} AS TEXT) || '.0'
            WHERE a."IdealCustomerScore" IS NOT NULL
            """,
        ];
    }

    public static class Postgres
    {
        public static readonly string[] CarryOver =
        [
            $"""
            INSERT INTO "FitCriteria" ("Id", "DefaultKey", "Name", "Description", "Weight", "Position", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version")
            SELECT d.id::uuid, d.key, NULL, NULL, 1, d.pos, now(), '{By}', now(), '{By}', 1
            FROM (VALUES {string.Join(", ", Defaults.Select((d, i) => $"('{d.Id}', '{d.Key}', {i})"))}) AS d(id, key, pos)
            WHERE EXISTS (SELECT 1 FROM "Accounts" WHERE "IdealCustomerScore" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "FitCriteria")
            """,
            """
            UPDATE "AnalysisSummaries" SET "Settings" = 'carried-over'
            WHERE "OpportunityId" IN (SELECT o."Id" FROM "Opportunities" o JOIN "Accounts" a ON a."Id" = o."AccountId"
                WHERE a."IdealCustomerScore" IS NOT NULL AND a."IdealCustomerScore" <> round(a."IdealCustomerScore"))
            """,
            // PostgreSQL's round(numeric) takes halves away from zero.
            $"""
            INSERT INTO "FitRatings" ("Id", "AccountId", "CriterionId", "Rating", "Note", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version")
            SELECT gen_random_uuid(), a."Id", c."Id", round(a."IdealCustomerScore")::integer,
                'Carried over from the hand-typed score ' || trim_scale(a."IdealCustomerScore")::text || ' (由手工填写的评分 ' || trim_scale(a."IdealCustomerScore")::text || ' 转入)',
                now(), '{By}', now(), '{By}', 1
            FROM "Accounts" a CROSS JOIN "FitCriteria" c
            WHERE a."IdealCustomerScore" IS NOT NULL AND c."DefaultKey" IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM "FitRatings" r WHERE r."AccountId" = a."Id" AND r."CriterionId" = c."Id")
            """,
            """
            UPDATE "Accounts" SET "IdealCustomerScore" = round("IdealCustomerScore")
            WHERE "IdealCustomerScore" IS NOT NULL
            """,
        ];
    }

    /// <summary>Runs the carry-over on this database (the migration's statements, for tests and tools).</summary>
    public static async Task CarryOverAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var sql in db.Database.IsSqlite() ? Sqlite.CarryOver : Postgres.CarryOver) await db.Database.ExecuteSqlRawAsync(sql, ct);
    }
}
