namespace KeySell.Application.Data.Sql;

/// <summary>
/// The name search indexes (decision 0012), hand-written SQL the migration <c>ListsAtScale</c> runs, kept here so a
/// regenerated migration calls the same statements. Both providers index every 1- and 2-character piece ("gram") of a
/// name, lower-cased: a query of one character looks up that gram, a longer one every 2-character gram it contains,
/// and <see cref="Common.TextSearch"/> then checks the real substring, so the index only has to narrow, never to be exact.
/// Deals index their name; accounts their name, industry and region (what the account list searches).
/// </summary>
public static class SearchSql
{
    /// <summary>Longest text indexed per row: an account's name (200) + industry (100) + region (100) + separators.</summary>
    public const int MaxIndexedLength = 500;

    private const string OpportunityText = "\"Name\"";

    // char(31) between the fields: no gram crosses from one field into the next as letters.
    private const string SqliteAccountText = "\"Name\" || char(31) || coalesce(\"Industry\", '') || char(31) || coalesce(\"Region\", '')";

    /// <summary>The account expression the PostgreSQL index is built on; a query must repeat it exactly to use the index.</summary>
    public const string PostgresAccountText = "\"Name\" || ' ' || coalesce(\"Industry\", '') || ' ' || coalesce(\"Region\", '')";

    /// <summary>
    /// SQLite: an FTS5 table per record type whose one document per row lists the row's grams separated by spaces
    /// (unicode61 keeps a gram as one token and folds case). Contentless with delete support, keyed by the row's rowid,
    /// kept by triggers so any writer (EF, the CLI, bulk SQL) keeps it right. No CTE is allowed in a trigger, so the
    /// positions 1…<see cref="MaxIndexedLength"/> come from a small table.
    /// </summary>
    public static class Sqlite
    {
        public static readonly string[] Up =
        [
            "CREATE TABLE IF NOT EXISTS \"SearchPositions\" (\"I\" INTEGER NOT NULL PRIMARY KEY)",
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {MaxIndexedLength}) INSERT OR IGNORE INTO \"SearchPositions\" (\"I\") SELECT i FROM n",
            .. Table("Opportunities", "OpportunitySearch", OpportunityText, "\"Name\""),
            .. Table("Accounts", "AccountSearch", SqliteAccountText, "\"Name\", \"Industry\", \"Region\""),
        ];

        /// <summary>The triggers alone, for a bulk load that refills the search tables afterwards with <see cref="Up"/>.</summary>
        public static readonly string[] DropTriggers =
        [
            .. Drop("Opportunities", "OpportunitySearch").Take(3),
            .. Drop("Accounts", "AccountSearch").Take(3),
        ];

        public static readonly string[] Down =
        [
            .. Drop("Opportunities", "OpportunitySearch"),
            .. Drop("Accounts", "AccountSearch"),
            "DROP TABLE IF EXISTS \"SearchPositions\"",
        ];

        /// <summary>Refills both search tables from their records: after a bulk load with the triggers dropped, or a VACUUM (which may renumber rowids).</summary>
        public static readonly string[] Rebuild =
        [
            "DELETE FROM \"OpportunitySearch\"",
            $"INSERT INTO \"OpportunitySearch\" (rowid, \"Grams\") SELECT rowid, {Grams(OpportunityText)} FROM \"Opportunities\"",
            "DELETE FROM \"AccountSearch\"",
            $"INSERT INTO \"AccountSearch\" (rowid, \"Grams\") SELECT rowid, {Grams(SqliteAccountText)} FROM \"Accounts\"",
        ];

        /// <summary>Every 1- and 2-character piece of the text, space separated, in order.</summary>
        private static string Grams(string text) =>
            $"(SELECT group_concat(substr({text}, \"I\", 1) || ' ' || substr({text}, \"I\", 2), ' ' ORDER BY \"I\") FROM \"SearchPositions\" WHERE \"I\" <= length({text}))";

        private static string New(string text) => text.Replace("\"Name\"", "new.\"Name\"").Replace("\"Industry\"", "new.\"Industry\"").Replace("\"Region\"", "new.\"Region\"");

        private static IEnumerable<string> Table(string records, string search, string text, string columns) =>
        [
            $"CREATE VIRTUAL TABLE IF NOT EXISTS \"{search}\" USING fts5(\"Grams\", content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0')",
            $"CREATE TRIGGER IF NOT EXISTS \"{records}_SearchInsert\" AFTER INSERT ON \"{records}\" BEGIN INSERT INTO \"{search}\" (rowid, \"Grams\") VALUES (new.rowid, {Grams(New(text))}); END",
            $"CREATE TRIGGER IF NOT EXISTS \"{records}_SearchUpdate\" AFTER UPDATE OF {columns} ON \"{records}\" BEGIN DELETE FROM \"{search}\" WHERE rowid = old.rowid; INSERT INTO \"{search}\" (rowid, \"Grams\") VALUES (new.rowid, {Grams(New(text))}); END",
            $"CREATE TRIGGER IF NOT EXISTS \"{records}_SearchDelete\" AFTER DELETE ON \"{records}\" BEGIN DELETE FROM \"{search}\" WHERE rowid = old.rowid; END",
            $"DELETE FROM \"{search}\"",
            $"INSERT INTO \"{search}\" (rowid, \"Grams\") SELECT rowid, {Grams(text)} FROM \"{records}\"",
        ];

        private static IEnumerable<string> Drop(string records, string search) =>
        [
            $"DROP TRIGGER IF EXISTS \"{records}_SearchInsert\"",
            $"DROP TRIGGER IF EXISTS \"{records}_SearchUpdate\"",
            $"DROP TRIGGER IF EXISTS \"{records}_SearchDelete\"",
            $"DROP TABLE IF EXISTS \"{search}\"",
        ];
    }

    /// <summary>
    /// PostgreSQL: a GIN index on an immutable function returning the text's grams as an array; PostgreSQL keeps it
    /// with the row, so nothing else maintains it. (pg_trgm finds nothing by index for one or two characters, and
    /// needs an extension: decision 0012.)
    /// </summary>
    public static class Postgres
    {
        public static readonly string[] Up =
        [
            """
            CREATE OR REPLACE FUNCTION keysell_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
              SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
                SELECT substr(lower(t), i, 1) AS g FROM generate_series(1, char_length(t)) AS i
                UNION ALL
                SELECT substr(lower(t), i, 2) FROM generate_series(1, char_length(t) - 1) AS i) AS grams
            $$
            """,
            """
            CREATE OR REPLACE FUNCTION keysell_query_grams(q text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
              SELECT CASE WHEN char_length(q) = 1 THEN ARRAY[lower(q)]
                ELSE (SELECT coalesce(array_agg(DISTINCT substr(lower(q), i, 2)), '{}'::text[]) FROM generate_series(1, char_length(q) - 1) AS i) END
            $$
            """,
            $"CREATE INDEX IF NOT EXISTS \"IX_Opportunities_NameGrams\" ON \"Opportunities\" USING gin (keysell_grams({OpportunityText}))",
            $"CREATE INDEX IF NOT EXISTS \"IX_Accounts_SearchGrams\" ON \"Accounts\" USING gin (keysell_grams({PostgresAccountText}))",
        ];

        public static readonly string[] Down =
        [
            "DROP INDEX IF EXISTS \"IX_Opportunities_NameGrams\"",
            "DROP INDEX IF EXISTS \"IX_Accounts_SearchGrams\"",
            "DROP FUNCTION IF EXISTS keysell_query_grams(text)",
            "DROP FUNCTION IF EXISTS keysell_grams(text)",
        ];
    }
}
