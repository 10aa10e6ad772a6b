using KeySell.Application.Data.Sql;
using System.Data.Common;
using KeySell.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace KeySell.Application.Generation;

/// <summary>
/// Writes records straight to their tables, bypassing the change tracker, for millions of rows.
/// The columns, names and stored forms come from the EF model itself (value converters for the
/// method's ids, JSON lists and SQLite's tick columns included), so a row is stored exactly as a
/// save through <see cref="AppDbContext"/> would store it. Not for the app's own writes: there is
/// no access check and no history here, so only the operator's <c>generate-data</c> uses it.
/// </summary>
internal abstract class BulkRows : IAsyncDisposable
{
    private readonly Dictionary<Type, BulkTable> _tables = [];

    protected BulkRows(AppDbContext db) => Db = db;

    protected AppDbContext Db { get; }

    public long Written { get; private set; }

    public static async Task<BulkRows> OpenAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        BulkRows rows = db.Database.IsSqlite() ? new SqliteBulkRows(db) : new PostgresBulkRows(db);
        await rows.BeginAsync(ct);
        return rows;
    }

    public async Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        if (!_tables.TryGetValue(typeof(T), out var table)) _tables[typeof(T)] = table = BulkTable.Of<T>(Db);
        await WriteAsync(table, rows, ct);
        Written += rows.Count;
    }

    /// <summary>Commits what was written and opens the next transaction: large transactions, bounded journal.</summary>
    public abstract Task CommitAsync(CancellationToken ct);

    /// <summary>Commits the last rows and puts back what the load set aside (indexes).</summary>
    public virtual Task FinishAsync(CancellationToken ct) => CommitAsync(ct);

    protected abstract Task BeginAsync(CancellationToken ct);

    protected abstract Task WriteAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken ct) where T : class;

    public virtual async ValueTask DisposeAsync() => await Db.Database.CloseConnectionAsync();
}

/// <summary>One table as the model maps it: column names and how to read each stored value from a record.</summary>
internal sealed class BulkTable
{
    private BulkTable(string name, IReadOnlyList<BulkColumn> columns) => (Name, Columns) = (name, columns);

    public string Name { get; }
    public IReadOnlyList<BulkColumn> Columns { get; }

    public static BulkTable Of<T>(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // A shadow property has no getter and is derived data (the deal's Premature): its column default goes in, and
        // generate-data's closing RefreshStoredAnalyses writes it with the summaries.
        var properties = entity.GetProperties().Where(p => !p.IsShadowProperty()).Cast<IProperty>()
            .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()));
        var columns = properties
            .Select(p => new BulkColumn(p.GetColumnName(table)!, p.GetGetter(), p.GetRelationalTypeMapping()))
            .ToList();
        return new BulkTable(entity.GetTableName()!, columns);
    }
}

internal sealed class BulkColumn(string name, IClrPropertyGetter getter, RelationalTypeMapping mapping)
{
    public string Name { get; } = name;
    public RelationalTypeMapping Mapping { get; } = mapping;
    public Type ProviderType { get; } = mapping.Converter?.ProviderClrType ?? mapping.ClrType;

    /// <summary>The value as the database stores it (after the model's converter), or null.</summary>
    private readonly ValueConverter? _converter = mapping.Converter;

    public object? Read(object record)
    {
        var value = getter.GetClrValueUsingContainingEntity(record);
        return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
    }
}

/// <summary>
/// SQLite: one prepared INSERT per table, bound row by row inside a large transaction. Each
/// random GUID key costs a B-tree search per index per row, so a table's secondary indexes are
/// dropped before its first row and created again, by sorting, at the end — with the very SQL the
/// migrations wrote (read back from sqlite_master), so the schema is unchanged afterwards.
/// </summary>
internal sealed class SqliteBulkRows(AppDbContext db) : BulkRows(db)
{
    private readonly Dictionary<BulkTable, SqliteCommand> _inserts = [];
    private readonly List<string> _setAside = [];
    private bool _searchSetAside;
    private SqliteTransaction? _transaction;

    private SqliteConnection Connection => (SqliteConnection)Db.Database.GetDbConnection();

    protected override async Task BeginAsync(CancellationToken ct)
    {
        // The app's own pragmas keep every commit durable; a bulk load that is rerun after a crash
        // needs no fsync per transaction, and a bigger page cache keeps the id indexes in memory.
        await using (var pragma = Connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        // The search tables' triggers index every row as it comes (about 1,000 rows/s); they go for the load and come back
        // at the end with the search tables refilled from every record in one pass (SearchSql.Sqlite.Up).
        foreach (var drop in SearchSql.Sqlite.DropTriggers)
        {
            await using var command = Connection.CreateCommand();
            command.CommandText = drop;
            await command.ExecuteNonQueryAsync(ct);
        }
        _searchSetAside = true;
        _transaction = Connection.BeginTransaction();
    }

    public override async Task CommitAsync(CancellationToken ct)
    {
        await _transaction!.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = Connection.BeginTransaction();
        foreach (var insert in _inserts.Values) insert.Transaction = _transaction;
    }

    public override async Task FinishAsync(CancellationToken ct)
    {
        foreach (var create in _setAside)
        {
            await using var command = Connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = create;
            await command.ExecuteNonQueryAsync(ct);
        }
        _setAside.Clear();
        await PutSearchBackAsync(ct);
        await CommitAsync(ct);
    }

    private async Task PutSearchBackAsync(CancellationToken ct)
    {
        if (!_searchSetAside) return;
        foreach (var sql in SearchSql.Sqlite.Up)
        {
            await using var command = Connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
        }
        _searchSetAside = false;
    }

    protected override Task WriteAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (!_inserts.TryGetValue(table, out var insert))
        {
            SetIndexesAside(table);
            _inserts[table] = insert = Prepare(table);
        }
        var parameters = insert.Parameters;
        var columns = table.Columns;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    private void SetIndexesAside(BulkTable table)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var find = Connection.CreateCommand())
        {
            find.Transaction = _transaction;
            // Indexes without SQL are the primary key's own; they stay.
            find.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL";
            find.Parameters.AddWithValue("@table", table.Name);
            using var reader = find.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, sql) in indexes)
        {
            using var drop = Connection.CreateCommand();
            drop.Transaction = _transaction;
            drop.CommandText = $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            drop.ExecuteNonQuery();
            _setAside.Add(sql);
        }
    }

    private SqliteCommand Prepare(BulkTable table)
    {
        var insert = Connection.CreateCommand();
        insert.Transaction = _transaction;
        insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                             $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
        // The model's own mapping sets each parameter's type, as EF does for a SaveChanges.
        for (var i = 0; i < table.Columns.Count; i++) insert.Parameters.Add(table.Columns[i].Mapping.CreateParameter(insert, "@p" + i, null, nullable: true));
        insert.Prepare();
        return insert;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts.Values) await insert.DisposeAsync();
        if (_transaction is not null) await _transaction.DisposeAsync();
        if (_setAside.Count > 0 || _searchSetAside)
        {
            // A load that failed after a commit must not leave the database without its indexes or its search triggers.
            _transaction = Connection.BeginTransaction();
            await FinishAsync(CancellationToken.None);
            await _transaction.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}

/// <summary>PostgreSQL: binary COPY per table and batch, inside one transaction per commit.</summary>
internal sealed class PostgresBulkRows(AppDbContext db) : BulkRows(db)
{
    private readonly Dictionary<BulkTable, NpgsqlDbType[]> _types = [];
    private NpgsqlTransaction? _transaction;

    private NpgsqlConnection Connection => (NpgsqlConnection)Db.Database.GetDbConnection();

    protected override async Task BeginAsync(CancellationToken ct) => _transaction = await Connection.BeginTransactionAsync(ct);

    public override async Task CommitAsync(CancellationToken ct)
    {
        await _transaction!.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = await Connection.BeginTransactionAsync(ct);
    }

    protected override async Task WriteAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (!_types.TryGetValue(table, out var types)) _types[table] = types = table.Columns.Select(c => TypeOf(c.ProviderType)).ToArray();
        var copy = $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await Connection.BeginBinaryImportAsync(copy, ct);
        var columns = table.Columns;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].Read(row);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, types[i], ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static NpgsqlDbType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t when t == typeof(short) => NpgsqlDbType.Smallint,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
        var t when t == typeof(double) => NpgsqlDbType.Double,
        var t when t == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        var t when typeof(IEnumerable<string>).IsAssignableFrom(t) => NpgsqlDbType.Array | NpgsqlDbType.Text,
        var t => throw new NotSupportedException($"generate-data cannot copy a {t.Name} column to PostgreSQL."),
    };

    public override async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        await base.DisposeAsync();
    }
}
