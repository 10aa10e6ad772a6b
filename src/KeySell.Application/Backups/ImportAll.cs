using System.Data.Common;
using System.Text;
using System.Text.Json;
using KeySell.Application.Data;
using KeySell.Application.Data.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeySell.Application.Backups;

/// <summary>
/// Loads a <see cref="ExportAll"/> file into a database of either provider, keeping every id,
/// version, timestamp, password hash and history line as it was. All or nothing: one transaction,
/// and the file must be complete (its last line counts what it holds). A database that holds
/// anything is refused unless the caller says to replace its contents.
/// </summary>
/// <remarks>
/// Rows go in as they are, past the write guard and the history interceptor: they are the history
/// already. Foreign keys are checked at commit (deferred), so a person may come before the manager
/// they report to, and the references are all checked before the commit.
/// </remarks>
public static class ImportAll
{
    public sealed record Command(Stream Input, string SourceName, bool Replace);

    public sealed record Outcome(int Tables, long Rows);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var tables = DatabaseTables.Of(db).ToDictionary(t => t.Name, StringComparer.Ordinal);
            var postgres = db.Database.IsNpgsql();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            // SQLite checks references only when asked here (PRAGMA foreign_key_check before the
            // commit), so rows go in file order and --force can empty tables that refer to each other.
            if (!postgres) await Execute(connection, null, "PRAGMA foreign_keys = OFF", cancellationToken);
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (await DatabaseTables.AnyRowsAsync(connection, transaction, tables.Values, cancellationToken))
                {
                    if (!command.Replace)
                        throw new BackupRefused("the target database is not empty; import into a new database, or add --force to replace everything in it.");
                    await ClearAsync(connection, transaction, tables.Values, postgres, cancellationToken);
                }
                var restoreForeignKeys = "";
                if (postgres)
                {
                    var (defer, restore) = await DeferPostgresForeignKeysAsync(connection, transaction, cancellationToken);
                    await Execute(connection, transaction, defer, cancellationToken);
                    restoreForeignKeys = restore;
                }

                var file = new FileReader(command.Input, command.SourceName);
                var header = await file.ControlAsync(cancellationToken);
                if (!header.TryGetProperty("format", out var format) || format.GetString() != ExportAll.Format)
                    throw file.Problem($"not a KeySell export (the first line must name the format \"{ExportAll.Format}\").");

                var seen = new HashSet<string>(StringComparer.Ordinal);
                var total = 0L;
                while (true)
                {
                    var control = await file.ControlAsync(cancellationToken);
                    if (control.TryGetProperty("end", out var end))
                    {
                        if (end.GetString() != ExportAll.Format) throw file.Problem("a table ends before it began.");
                        if (control.GetProperty("rows").GetInt64() != total)
                            throw file.Problem($"the file says it holds {control.GetProperty("rows").GetInt64()} rows but {total} were read.");
                        break;
                    }
                    var name = control.GetProperty("table").GetString()!;
                    if (!tables.TryGetValue(name, out var table))
                        throw file.Problem($"table \"{name}\" does not exist in this version of KeySell; export and import with the same version.");
                    if (!seen.Add(name)) throw file.Problem($"table \"{name}\" appears twice.");
                    var columns = control.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
                    var expected = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                    if (columns.Count != expected.Count || !columns.All(expected.Contains))
                        throw file.Problem($"table \"{name}\" has columns ({string.Join(", ", columns)}) but this version of KeySell has ({string.Join(", ", expected)}); export and import with the same version.");
                    var inOrder = columns.Select(c => table.Columns.First(x => x.Name == c)).ToList();
                    total += connection is NpgsqlConnection npgsql
                        ? await CopyTableToPostgresAsync(file, npgsql, table, inOrder, cancellationToken)
                        : await CopyTableAsync(file, connection, transaction, table, inOrder, cancellationToken);
                }
                var missing = tables.Keys.Where(t => !seen.Contains(t)).ToList();
                if (missing.Count > 0) throw file.Problem($"the file has no section for {string.Join(", ", missing)}; export and import with the same version.");
                // The funnel's running totals are derived and not in the file; the load went past their triggers (a
                // TRUNCATE, triggers lifted for the clear), so they are made again from the deals just loaded.
                foreach (var sql in FunnelTotalsSql.Rebuild(postgres)) await Execute(connection, transaction, sql, cancellationToken);

                if (postgres)
                {
                    // Checks every deferred reference now, then puts the constraints back as they were.
                    await Execute(connection, transaction, "SET CONSTRAINTS ALL IMMEDIATE", cancellationToken);
                    if (restoreForeignKeys.Length > 0) await Execute(connection, transaction, restoreForeignKeys, cancellationToken);
                    await AdvanceSequencesAsync(connection, transaction, cancellationToken);
                }
                else
                {
                    await RequireReferencesAsync(connection, transaction, cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                return new Outcome(seen.Count, total);
            }
            finally
            {
                if (!postgres) await Execute(connection, null, "PRAGMA foreign_keys = ON", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }

        private static async Task RequireReferencesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                throw new BackupRefused($"a row of \"{reader.GetString(0)}\" refers to a missing row of \"{reader.GetString(2)}\"; nothing was imported.");
        }

        /// <summary>
        /// A line that is an object, not a row, ends a table: it must name the table being read and count exactly the
        /// rows read, so a file cut short or stitched together is refused. Both providers' copy loops end here.
        /// </summary>
        private static void CheckEnd(FileReader file, string line, TableShape table, long rows)
        {
            using var end = file.Parse(line);
            if (!end.RootElement.TryGetProperty("end", out var name) || name.GetString() != table.Name)
                throw file.Problem($"expected a row of \"{table.Name}\" or its end.");
            var counted = end.RootElement.GetProperty("rows").GetInt64();
            if (counted != rows) throw file.Problem($"table \"{table.Name}\" should have {counted} rows but has {rows}.");
        }

        /// <summary>
        /// SQLite: one prepared single-row INSERT, its parameters given each row's values. Inside one transaction that
        /// is SQLite's fastest path; a multi-row statement is slower, since binding looks every parameter up by name.
        /// </summary>
        private static async Task<long> CopyTableAsync(FileReader file, DbConnection connection, DbTransaction transaction, TableShape table,
            IReadOnlyList<TableColumn> columns, CancellationToken cancellationToken)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table.QualifiedName} ({string.Join(", ", columns.Select(c => DatabaseTables.Quote(c.Name)))}) " +
                                 $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            var rows = 0L;
            while (true)
            {
                var line = await file.LineAsync(cancellationToken);
                if (line.StartsWith('{'))
                {
                    CheckEnd(file, line, table, rows);
                    return rows;
                }
                var values = file.Row(line, columns);
                for (var c = 0; c < columns.Count; c++)
                {
                    // The column's own type mapping turns the model's value into the provider's (ticks, JSON text, enum ids, text GUIDs).
                    var parameter = columns[c].Mapping.CreateParameter(insert, $"@p{c}", values[c], columns[c].IsNullable);
                    if (rows == 0) insert.Parameters.Add(parameter);
                    else insert.Parameters[c] = parameter;
                }
                if (rows == 0) await insert.PrepareAsync(cancellationToken);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                rows++;
            }
        }

        /// <summary>
        /// PostgreSQL's binary COPY, row by row as the file is read: several times faster than INSERT batches, and
        /// inside the import's transaction. Each value is converted by its column's type mapping; Npgsql picks the
        /// wire type from the converted value's .NET type, which the model maps to exactly that column type.
        /// </summary>
        private static async Task<long> CopyTableToPostgresAsync(FileReader file, NpgsqlConnection connection, TableShape table,
            IReadOnlyList<TableColumn> columns, CancellationToken cancellationToken)
        {
            var rows = 0L;
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {table.QualifiedName} ({string.Join(", ", columns.Select(c => DatabaseTables.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            while (true)
            {
                var line = await file.LineAsync(cancellationToken);
                if (line.StartsWith('{'))
                {
                    CheckEnd(file, line, table, rows);
                    await copy.CompleteAsync(cancellationToken);
                    return rows;
                }
                var values = file.Row(line, columns);
                await copy.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (values[i] is null)
                    {
                        await copy.WriteNullAsync(cancellationToken);
                        continue;
                    }
                    var stored = columns[i].Mapping.Converter is { } converter ? converter.ConvertToProvider(values[i]) : values[i];
                    await copy.WriteAsync<object>(stored!, cancellationToken);
                }
                rows++;
            }
        }

        private static async Task ClearAsync(DbConnection connection, DbTransaction transaction, IEnumerable<TableShape> tables, bool postgres, CancellationToken cancellationToken)
        {
            if (postgres)
            {
                // TRUNCATE fires no row triggers, so the append-only tables empty too; only --force gets here.
                await Execute(connection, transaction, $"TRUNCATE {string.Join(", ", tables.Select(t => t.QualifiedName))} RESTART IDENTITY CASCADE", cancellationToken);
                return;
            }
            // SQLite's append-only triggers refuse DELETE: lift them for this transaction and put the same SQL back.
            var triggers = new List<(string Name, string Sql)>();
            await using (var list = connection.CreateCommand())
            {
                list.Transaction = transaction;
                list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) triggers.Add((reader.GetString(0), reader.GetString(1)));
            }
            foreach (var trigger in triggers) await Execute(connection, transaction, $"DROP TRIGGER {DatabaseTables.Quote(trigger.Name)}", cancellationToken);
            foreach (var table in tables) await Execute(connection, transaction, $"DELETE FROM {table.QualifiedName}", cancellationToken);
            foreach (var trigger in triggers) await Execute(connection, transaction, trigger.Sql, cancellationToken);
        }

        /// <summary>
        /// EF creates foreign keys NOT DEFERRABLE; inside this transaction they become deferrable so
        /// rows can come in file order, and the second statement turns exactly those back before the
        /// commit (DDL is transactional in PostgreSQL, so nobody else ever sees the change).
        /// </summary>
        private static async Task<(string Defer, string Restore)> DeferPostgresForeignKeysAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            var defer = new StringBuilder();
            var restore = new StringBuilder();
            await using (var list = connection.CreateCommand())
            {
                list.Transaction = transaction;
                list.CommandText = """
                    SELECT format('ALTER TABLE %s ALTER CONSTRAINT %I', conrelid::regclass, conname)
                    FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable AND connamespace = current_schema()::regnamespace
                    """;
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    defer.AppendLine(reader.GetString(0) + " DEFERRABLE INITIALLY DEFERRED;");
                    restore.AppendLine(reader.GetString(0) + " NOT DEFERRABLE;");
                }
            }
            defer.Append("SET CONSTRAINTS ALL DEFERRED;");
            return (defer.ToString(), restore.ToString());
        }

        /// <summary>Identity columns were given their values; their sequences must go on after the largest.</summary>
        private static async Task AdvanceSequencesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            var columns = new List<(string Table, string Column)>();
            await using (var list = connection.CreateCommand())
            {
                list.Transaction = transaction;
                list.CommandText = """
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
                    """;
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) columns.Add((reader.GetString(0), reader.GetString(1)));
            }
            foreach (var (table, column) in columns)
            {
                var quotedTable = DatabaseTables.Quote(table);
                var quotedColumn = DatabaseTables.Quote(column);
                await Execute(connection, transaction,
                    $"SELECT setval(pg_get_serial_sequence('{quotedTable.Replace("'", "''")}', '{column.Replace("'", "''")}'), " +
                    $"COALESCE((SELECT max({quotedColumn}) FROM {quotedTable}), 0) + 1, false)", cancellationToken);
            }
        }

        private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The file line by line, with the line number in every problem.</summary>
    private sealed class FileReader(Stream input, string sourceName)
    {
        private readonly StreamReader _reader = new(input, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        private long _lineNumber;

        public async Task<string> LineAsync(CancellationToken cancellationToken)
        {
            var line = await _reader.ReadLineAsync(cancellationToken);
            _lineNumber++;
            return line ?? throw Problem("the file ends too early (it was cut short); nothing was imported.");
        }

        public async Task<JsonElement> ControlAsync(CancellationToken cancellationToken)
        {
            var line = await LineAsync(cancellationToken);
            if (!line.StartsWith('{')) throw Problem("expected a table's first line or the end of the file.");
            using var document = Parse(line);
            return document.RootElement.Clone();
        }

        public JsonDocument Parse(string line)
        {
            try { return JsonDocument.Parse(line); }
            catch (JsonException e) { throw Problem($"not JSON ({e.Message})."); }
        }

        public object?[] Row(string line, IReadOnlyList<TableColumn> columns)
        {
            var values = new object?[columns.Count];
            try
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line));
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw Problem("a row must be a JSON array.");
                for (var i = 0; i < columns.Count; i++)
                {
                    if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray) throw Problem($"the row has fewer than {columns.Count} values.");
                    values[i] = reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize(ref reader, columns[i].ModelType, DatabaseTables.Values);
                    if (values[i] is null && !columns[i].IsNullable) throw Problem($"\"{columns[i].Name}\" may not be empty.");
                }
                if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray) throw Problem($"the row has more than {columns.Count} values.");
            }
            catch (JsonException e)
            {
                throw Problem($"a value does not fit its column ({e.Message}).");
            }
            return values;
        }

        public BackupRefused Problem(string message) => new($"{sourceName}:{_lineNumber}: {message}");
    }
}
