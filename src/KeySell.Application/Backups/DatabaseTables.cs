using System.Data.Common;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace KeySell.Application.Backups;

/// <summary>
/// Every table of the database as the EF model describes it, in an order where a table comes after
/// the tables it refers to. Read from the model, never listed by hand, so a table added tomorrow is
/// exported and imported without a line changing here.
/// </summary>
internal static class DatabaseTables
{
    /// <summary>
    /// Values in the file are the model's values (what the C# record holds), not a provider's
    /// storage: a moment is ISO 8601 with its offset whether SQLite keeps it as ticks or text and
    /// PostgreSQL as timestamptz; a list is a JSON array whether it is a JSON text or a text[].
    /// </summary>
    public static readonly JsonSerializerOptions Values = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<TableShape> Of(AppDbContext db)
    {
        var tables = db.Model.GetRelationalModel().Tables
            .Where(t => t.EntityTypeMappings.Any())
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var ordered = new List<ITable>();
        var placed = new HashSet<ITable>();
        // Principals first; a cycle (none today) or a reference to itself is left to the deferred foreign keys of the import.
        while (ordered.Count < tables.Count)
        {
            var next = tables.FirstOrDefault(t => !placed.Contains(t) &&
                           t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || placed.Contains((ITable)fk.PrincipalTable)))
                       ?? tables.First(t => !placed.Contains(t));
            ordered.Add(next);
            placed.Add(next);
        }
        return ordered.Select(Shape).ToList();
    }

    private static TableShape Shape(ITable table)
    {
        var columns = table.Columns
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c =>
            {
                var mapping = c.PropertyMappings.First();
                var modelType = mapping.Property.ClrType;
                var typeMapping = mapping.TypeMapping;
                var providerType = typeMapping.Converter?.ProviderClrType ?? typeMapping.ClrType;
                providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
                return new TableColumn(c.Name, modelType, c.IsNullable, typeMapping, ReaderFor(providerType));
            })
            .ToList();
        var key = table.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? [columns[0].Name];
        return new TableShape(table.Name, table.Schema, columns, key);
    }

    private static Func<DbDataReader, int, object> ReaderFor(Type providerType) =>
        typeof(DatabaseTables).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(providerType)
            .CreateDelegate<Func<DbDataReader, int, object>>();

    private static object Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    public static async Task<bool> AnyRowsAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<TableShape> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            await using var any = connection.CreateCommand();
            any.Transaction = transaction;
            any.CommandText = $"SELECT 1 FROM {table.QualifiedName} LIMIT 1";
            if (await any.ExecuteScalarAsync(cancellationToken) is not null) return true;
        }
        return false;
    }
}

internal sealed record TableColumn(string Name, Type ModelType, bool IsNullable, RelationalTypeMapping Mapping, Func<DbDataReader, int, object> ReadProviderValue)
{
    /// <summary>The model's value of this column in the current row, or null.</summary>
    public object? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var stored = ReadProviderValue(reader, ordinal);
        return Mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }
}

internal sealed record TableShape(string Name, string? Schema, IReadOnlyList<TableColumn> Columns, IReadOnlyList<string> Key)
{
    public string QualifiedName => Schema is null ? DatabaseTables.Quote(Name) : DatabaseTables.Quote(Schema) + "." + DatabaseTables.Quote(Name);
}
