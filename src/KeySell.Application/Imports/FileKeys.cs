using System.Data.Common;
using System.Text.Json;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KeySell.Application.Imports;

/// <summary>
/// The external ids (and, when rows refer to each other by name, the names) seen so far in the file
/// being imported, kept in a temporary table with a unique key on the run's own database connection
/// instead of in process memory: a ten-million-row file costs the database's temporary storage
/// (SQLite: a temporary file behind a small page cache; PostgreSQL: a temporary table), never the
/// server's heap. The table lives as long as the connection, which the run holds open, and is
/// visible to no other session. Keys are written and asked for one batch at a time.
/// </summary>
internal sealed class FileKeys(AppDbContext db) : IAsyncDisposable
{
    private const string Table = "import_file_keys";
    private readonly bool _sqlite = db.Database.IsSqlite();
    private DbConnection? _connection;

    public async Task OpenAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        _connection = db.Database.GetDbConnection();
        // A file-backed temporary store on SQLite, so the keys spill to disk rather than stay in RAM.
        if (_sqlite) await ExecuteAsync("PRAGMA temp_store = FILE", null, ct);
        await ExecuteAsync($"DROP TABLE IF EXISTS {Temp}", null, ct);
        await ExecuteAsync(_sqlite
            ? $"CREATE TEMP TABLE {Table} (k TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID"
            : $"CREATE TEMP TABLE {Table} (k text NOT NULL PRIMARY KEY)", null, ct);
    }

    private string Temp => _sqlite ? "temp." + Table : "pg_temp." + Table;

    /// <summary>Adds the keys (distinct); returns those that were new, i.e. not on an earlier batch's rows.</summary>
    public async Task<HashSet<string>> AddAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return [];
        // The WHERE true keeps SQLite from reading ON CONFLICT as a join's ON.
        return await ReadAsync(_sqlite
            ? $"INSERT INTO {Temp} (k) SELECT value FROM json_each(@keys) WHERE true ON CONFLICT DO NOTHING RETURNING k"
            : $"INSERT INTO {Temp} (k) SELECT unnest(@keys) ON CONFLICT DO NOTHING RETURNING k", keys, ct);
    }

    /// <summary>Which of the keys were seen in the file.</summary>
    public async Task<HashSet<string>> FoundAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return [];
        return await ReadAsync(_sqlite
            ? $"SELECT k FROM {Temp} WHERE k IN (SELECT value FROM json_each(@keys))"
            : $"SELECT k FROM {Temp} WHERE k = ANY(@keys)", keys, ct);
    }

    private async Task<HashSet<string>> ReadAsync(string sql, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        await using var command = Command(sql, keys);
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }

    private async Task ExecuteAsync(string sql, IReadOnlyCollection<string>? keys, CancellationToken ct)
    {
        await using var command = Command(sql, keys);
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql, IReadOnlyCollection<string>? keys)
    {
        var command = (_connection ?? throw new InvalidOperationException("FileKeys used before OpenAsync.")).CreateCommand();
        command.CommandText = sql;
        // Outside a save the run has no transaction; inside one (never, today) the command must join it.
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (keys is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "keys";
            // SQLite reads the list as one JSON array; PostgreSQL takes a text[] directly.
            parameter.Value = _sqlite ? JsonSerializer.Serialize(keys) : keys.ToArray();
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        // A failed drop must not hide why the run stopped; the next run drops the table first anyway.
        try { await ExecuteAsync($"DROP TABLE IF EXISTS {Temp}", null, CancellationToken.None); }
        catch (DbException) { }
        finally
        {
            _connection = null;
            await db.Database.CloseConnectionAsync();
        }
    }
}
