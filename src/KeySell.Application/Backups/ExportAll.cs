using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Text.Json;
using KeySell.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Backups;

/// <summary>
/// Writes everything in the database — users with their password hashes, roles, teams, sessions,
/// sign-in keys, history, security log and every record of the method — as JSON Lines
/// (format <c>keysell.export/1</c>, docs/export-format.md), table by table, from one snapshot.
/// Streams: memory stays flat whatever the size.
/// </summary>
public static class ExportAll
{
    public const string Format = "keysell.export/1";

    public sealed record Command(Stream Output);

    public sealed record Outcome(int Tables, long Rows);

    public sealed class Handler(AppDbContext db)
    {
        private const int FlushAt = 1 << 16;

        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var tables = DatabaseTables.Of(db);
            var migrations = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                // One snapshot for the whole file: rows written while it runs are all in or all out.
                await using var transaction = connection is SqliteConnection sqlite
                    ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true)
                    : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

                var buffer = new ArrayBufferWriter<byte>(FlushAt * 2);
                await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = DatabaseTables.Values.Encoder });
                var totalRows = 0L;

                await Line(command.Output, buffer, json, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("format", Format);
                    w.WriteString("provider", db.Database.IsNpgsql() ? "postgres" : "sqlite");
                    w.WriteStartArray("migrations");
                    foreach (var migration in migrations) w.WriteStringValue(migration);
                    w.WriteEndArray();
                    w.WriteNumber("tables", tables.Count);
                    w.WriteEndObject();
                }, cancellationToken);

                foreach (var table in tables)
                {
                    await Line(command.Output, buffer, json, w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("table", table.Name);
                        w.WriteStartArray("columns");
                        foreach (var column in table.Columns) w.WriteStringValue(column.Name);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }, cancellationToken);

                    var rows = 0L;
                    await using (var select = connection.CreateCommand())
                    {
                        select.Transaction = transaction;
                        select.CommandTimeout = 0; // a million-row table takes as long as it takes
                        select.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => DatabaseTables.Quote(c.Name)))} FROM {table.QualifiedName} " +
                                             $"ORDER BY {string.Join(", ", table.Key.Select(DatabaseTables.Quote))}";
                        await using var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
                        while (await reader.ReadAsync(cancellationToken))
                        {
                            json.Reset();
                            json.WriteStartArray();
                            for (var i = 0; i < table.Columns.Count; i++)
                            {
                                var column = table.Columns[i];
                                var value = column.Read(reader, i);
                                if (value is null) json.WriteNullValue();
                                else JsonSerializer.Serialize(json, value, column.ModelType, DatabaseTables.Values);
                            }
                            json.WriteEndArray();
                            json.Flush();
                            buffer.Write("\n"u8);
                            rows++;
                            if (buffer.WrittenCount >= FlushAt) await Drain(command.Output, buffer, cancellationToken);
                        }
                    }

                    totalRows += rows;
                    await Line(command.Output, buffer, json, w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("end", table.Name);
                        w.WriteNumber("rows", rows);
                        w.WriteEndObject();
                    }, cancellationToken);
                }

                // The last line: a file cut short (a full disk, a killed process) is refused by import-all.
                await Line(command.Output, buffer, json, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("end", Format);
                    w.WriteNumber("tables", tables.Count);
                    w.WriteNumber("rows", totalRows);
                    w.WriteEndObject();
                }, cancellationToken);
                await Drain(command.Output, buffer, cancellationToken);
                await command.Output.FlushAsync(cancellationToken);
                return new Outcome(tables.Count, totalRows);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private static async Task Line(Stream output, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
        {
            json.Reset();
            write(json);
            json.Flush();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= FlushAt) await Drain(output, buffer, cancellationToken);
        }

        private static async Task Drain(Stream output, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
        {
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
            buffer.ResetWrittenCount();
        }
    }
}
