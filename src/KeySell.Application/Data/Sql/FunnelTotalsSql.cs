namespace KeySell.Application.Data.Sql;

/// <summary>
/// The funnel's running totals (decision 0022), hand-written SQL the migration <c>FunnelAtScale</c> runs, kept here so a
/// regenerated migration calls the same statements. One row per (owner, level, currency) of the live deals: how many,
/// how many with an amount, the sum of their amounts in cents and how many open ones are premature. Triggers on
/// <c>Opportunities</c> keep it in the same transaction as any write — EF's saves, <c>ExecuteUpdate</c>, the bulk loads,
/// cascades — so the funnel summary of a whole company reads a few thousand rows instead of a million deals.
/// It is derived data: not in the EF model, not in <c>export-all</c>; <see cref="Rebuild"/> makes it again from the deals
/// (the migration, and <c>import-all</c>, which loads past the triggers).
/// </summary>
/// <remarks>
/// A deal with no owner counts under the empty id and one with no currency under the empty text, because a primary key
/// holds no nulls; no colleague has the empty id and no currency code is empty. Amounts are summed in cents: exact on
/// PostgreSQL (numeric), and on SQLite, where EF keeps decimals as text, each amount is read digit by digit (not through
/// a double) and rounded to cents half away from zero — what PostgreSQL's numeric(18,2) column stores in the first place.
/// </remarks>
public static class FunnelTotalsSql
{
    public const string Table = "FunnelTotals";

    /// <summary>The owner key of a deal without an owner.</summary>
    public static readonly Guid NoOwner = Guid.Empty;

    private const string Columns = "\"OwnerId\", \"FunnelLevel\", \"Currency\", \"Deals\", \"Priced\", \"AmountCents\", \"Premature\"";
    private const string Key = "\"OwnerId\", \"FunnelLevel\", \"Currency\"";

    public static class Sqlite
    {
        public static readonly string[] Up =
        [
            $"""
            CREATE TABLE "{Table}" (
                "OwnerId" TEXT NOT NULL, "FunnelLevel" TEXT NOT NULL, "Currency" TEXT NOT NULL,
                "Deals" INTEGER NOT NULL, "Priced" INTEGER NOT NULL, "AmountCents" INTEGER NOT NULL, "Premature" INTEGER NOT NULL,
                PRIMARY KEY ({Key})) WITHOUT ROWID
            """,
            $"""
            CREATE TRIGGER "{Table}_Insert" AFTER INSERT ON "Opportunities" WHEN NEW."DeletedAt" IS NULL
            BEGIN {Upsert(Delta("NEW", "+"))}; END
            """,
            $"""
            CREATE TRIGGER "{Table}_Delete" AFTER DELETE ON "Opportunities" WHEN OLD."DeletedAt" IS NULL
            BEGIN {Upsert(Delta("OLD", "-"))}; END
            """,
            // Only when a column the totals read really changes: renaming a deal, writing its sheet or the daily run
            // setting an unchanged premature verdict costs nothing here.
            $"""
            CREATE TRIGGER "{Table}_Update" AFTER UPDATE OF "OwnerId", "FunnelLevel", "ObjectiveCurrency", "ObjectiveAmount", "Premature", "DeletedAt" ON "Opportunities"
            WHEN OLD."OwnerId" IS NOT NEW."OwnerId" OR OLD."FunnelLevel" IS NOT NEW."FunnelLevel" OR OLD."ObjectiveCurrency" IS NOT NEW."ObjectiveCurrency"
                OR OLD."ObjectiveAmount" IS NOT NEW."ObjectiveAmount" OR OLD."Premature" IS NOT NEW."Premature" OR OLD."DeletedAt" IS NOT NEW."DeletedAt"
            BEGIN {Upsert(Delta("OLD", "-"))}; {Upsert(Delta("NEW", "+"))}; END
            """,
            .. Rebuild(postgres: false),
        ];

        public static readonly string[] Down =
        [
            $"DROP TRIGGER \"{Table}_Insert\"",
            $"DROP TRIGGER \"{Table}_Delete\"",
            $"DROP TRIGGER \"{Table}_Update\"",
            $"DROP TABLE \"{Table}\"",
        ];

        /// <summary>A deal's row as a signed delta; selects nothing for a deleted deal (in the recycle bin).</summary>
        private static string Delta(string row, string sign) =>
            $"""
            SELECT coalesce({row}."OwnerId", '{NoOwner}'), {row}."FunnelLevel", coalesce({row}."ObjectiveCurrency", ''),
                {sign}1, {sign}({row}."ObjectiveAmount" IS NOT NULL), {sign}{Cents($"{row}.\"ObjectiveAmount\"")},
                {sign}({row}."Premature" AND {row}."FunnelLevel" NOT IN ('won', 'lost'))
            WHERE {row}."DeletedAt" IS NULL
            """;

        // An INSERT … SELECT upsert needs the SELECT's WHERE (SQLite's parsing rule), which Delta always has. Past
        // 2^63 cents SQLite's integer + turns into a real number instead of failing the deal's write.
        private static string Upsert(string select) =>
            $"""
            INSERT INTO "{Table}" ({Columns}) {select}
            ON CONFLICT ({Key}) DO UPDATE SET "Deals" = "Deals" + excluded."Deals", "Priced" = "Priced" + excluded."Priced",
                "AmountCents" = "AmountCents" + excluded."AmountCents", "Premature" = "Premature" + excluded."Premature"
            """;

        /// <summary>
        /// An amount kept as decimal text (EF's SQLite form, e.g. <c>1234.5</c> or <c>-0.125</c>) as whole cents, rounded half
        /// away from zero on the third decimal; 0 for no amount. Digits, not a double: exact for every storable amount.
        /// </summary>
        public static string Cents(string column)
        {
            var text = $"CAST({column} AS TEXT)";
            var digits = $"ltrim({text}, '-')";
            var point = $"instr({digits}, '.')";
            var fraction = $"(substr({digits}, {point} + 1) || '000')";
            var absolute = $"""
                CASE WHEN {point} = 0 THEN CAST({digits} AS INTEGER) * 100
                ELSE CAST(substr({digits}, 1, {point} - 1) AS INTEGER) * 100 + CAST(substr({fraction}, 1, 2) AS INTEGER) + (substr({fraction}, 3, 1) >= '5') END
                """;
            return $"coalesce(CASE WHEN {text} LIKE '-%' THEN -1 ELSE 1 END * {absolute}, 0)";
        }
    }

    public static class Postgres
    {
        /// <summary>
        /// Statement triggers with transition tables: one upsert per statement, whatever the rows it touched (a COPY, a bulk
        /// update), its keys in one order so two writers that meet on the same totals lock them in the same order.
        /// </summary>
        public static readonly string[] Up =
        [
            $"""
            CREATE TABLE "{Table}" (
                "OwnerId" uuid NOT NULL, "FunnelLevel" text NOT NULL, "Currency" text NOT NULL,
                "Deals" bigint NOT NULL, "Priced" bigint NOT NULL, "AmountCents" numeric NOT NULL, "Premature" bigint NOT NULL,
                PRIMARY KEY ({Key}))
            """,
            $"""
            CREATE FUNCTION "{Table}_Apply"() RETURNS trigger LANGUAGE plpgsql AS $apply$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    {Upsert(Delta("new_rows", "+"))};
                ELSIF TG_OP = 'DELETE' THEN
                    {Upsert(Delta("old_rows", "-"))};
                ELSE
                    {Upsert($"{Delta("old_rows", "-")} UNION ALL {Delta("new_rows", "+")}")};
                END IF;
                RETURN NULL;
            END
            $apply$
            """,
            $"""CREATE TRIGGER "{Table}_Insert" AFTER INSERT ON "Opportunities" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "{Table}_Apply"()""",
            $"""CREATE TRIGGER "{Table}_Update" AFTER UPDATE ON "Opportunities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "{Table}_Apply"()""",
            $"""CREATE TRIGGER "{Table}_Delete" AFTER DELETE ON "Opportunities" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "{Table}_Apply"()""",
            .. Rebuild(postgres: true),
        ];

        public static readonly string[] Down =
        [
            $"DROP TRIGGER \"{Table}_Insert\" ON \"Opportunities\"",
            $"DROP TRIGGER \"{Table}_Update\" ON \"Opportunities\"",
            $"DROP TRIGGER \"{Table}_Delete\" ON \"Opportunities\"",
            $"DROP FUNCTION \"{Table}_Apply\"()",
            $"DROP TABLE \"{Table}\"",
        ];

        private static string Delta(string rows, string sign) =>
            $"""
            SELECT coalesce("OwnerId", '{NoOwner}'::uuid) AS o, "FunnelLevel" AS l, coalesce("ObjectiveCurrency", '') AS c,
                {sign}1 AS d, {sign}(CASE WHEN "ObjectiveAmount" IS NULL THEN 0 ELSE 1 END) AS p,
                {sign}coalesce(round("ObjectiveAmount" * 100), 0) AS a,
                {sign}(CASE WHEN "Premature" AND "FunnelLevel" NOT IN ('won', 'lost') THEN 1 ELSE 0 END) AS m
            FROM {rows} WHERE "DeletedAt" IS NULL
            """;

        // A change that moves nothing (a rename, a sheet save) nets to zero and touches no totals row, so takes no lock.
        private static string Upsert(string deltas) =>
            $"""
            INSERT INTO "{Table}" AS t ({Columns})
            SELECT o, l, c, sum(d), sum(p), sum(a), sum(m) FROM ({deltas}) AS delta
            GROUP BY o, l, c HAVING sum(d) <> 0 OR sum(p) <> 0 OR sum(a) <> 0 OR sum(m) <> 0
            ORDER BY o, l, c
            ON CONFLICT ({Key}) DO UPDATE SET "Deals" = t."Deals" + excluded."Deals", "Priced" = t."Priced" + excluded."Priced",
                "AmountCents" = t."AmountCents" + excluded."AmountCents", "Premature" = t."Premature" + excluded."Premature"
            """;
    }

    /// <summary>
    /// The totals made again from the live deals, in one grouped pass. On SQLite the cents are summed in two halves so no
    /// sum overflows whatever the amounts (SQLite's SUM of integers fails past 2^63 instead of turning into a real number).
    /// </summary>
    public static string[] Rebuild(bool postgres)
    {
        var cents = postgres
            ? "coalesce(sum(round(\"ObjectiveAmount\" * 100)), 0)"
            : $"sum({Sqlite.Cents("\"ObjectiveAmount\"")} / 1000000000) * 1000000000 + sum({Sqlite.Cents("\"ObjectiveAmount\"")} % 1000000000)";
        var premature = postgres
            ? "sum(CASE WHEN \"Premature\" AND \"FunnelLevel\" NOT IN ('won', 'lost') THEN 1 ELSE 0 END)"
            : "sum(\"Premature\" AND \"FunnelLevel\" NOT IN ('won', 'lost'))";
        var noOwner = postgres ? $"'{NoOwner}'::uuid" : $"'{NoOwner}'";
        return
        [
            $"DELETE FROM \"{Table}\"",
            $"""
            INSERT INTO "{Table}" ({Columns})
            SELECT coalesce("OwnerId", {noOwner}), "FunnelLevel", coalesce("ObjectiveCurrency", ''),
                count(*), count("ObjectiveAmount"), {cents}, {premature}
            FROM "Opportunities" WHERE "DeletedAt" IS NULL
            GROUP BY coalesce("OwnerId", {noOwner}), "FunnelLevel", coalesce("ObjectiveCurrency", '')
            """,
        ];
    }
}
