using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Imports;

/// <summary>Saves a column mapping under a name for the next export of the same CRM; the same name replaces the old one.</summary>
public static class SaveImportMapping
{
    public const int MaxColumns = 500;

    public sealed record Command(ImportKind Kind, string? Name, IReadOnlyDictionary<string, string>? Columns);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<PreviewImport.SavedMapping>> Handle(Command command, CancellationToken ct)
        {
            var validation = new Validation();
            var name = Texts.OrNull(command.Name);
            validation.Required("name", name, ImportMapping.NameMaxLength);
            var columns = command.Columns ?? new Dictionary<string, string>();
            if (columns.Count > MaxColumns) validation.Add("columns", Messages.Format("OutOfRange", 1, MaxColumns));
            foreach (var (column, field) in columns)
            {
                if (column.Length > 200) validation.Add("columns", Messages.Format("TooLong", 200));
                if (!ImportFields.IsKnown(command.Kind, field)) validation.Add($"columns.{column}", Messages.Format("UnknownValue", field, string.Join(", ", ImportFields.For(command.Kind))));
            }
            if (validation.HasErrors) return validation.ToError();

            var userId = db.Caller.UserId;
            var mapping = await db.ImportMappings.SingleOrDefaultAsync(m => m.UserId == userId && m.Kind == command.Kind && m.Name == name, ct);
            if (mapping is null)
            {
                mapping = new ImportMapping { UserId = userId, Kind = command.Kind, Name = name! };
                db.ImportMappings.Add(mapping);
            }
            mapping.Columns = JsonSerializer.Serialize(columns, ImportJobDetail.Json);
            await db.SaveChangesAsync(ct);
            return new PreviewImport.SavedMapping(mapping.Id, mapping.Name, columns);
        }
    }
}
