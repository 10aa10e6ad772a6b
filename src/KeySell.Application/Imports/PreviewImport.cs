using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace KeySell.Application.Imports;

/// <summary>
/// What the mapping step shows: the file's columns, the automatic mapping, the fields of the kind,
/// and the caller's saved mappings for it.
/// </summary>
public static class PreviewImport
{
    public sealed record Query(ImportKind Kind, string File);

    public sealed record Preview(IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string> Suggested, IReadOnlyList<string> Fields,
        IReadOnlyList<string> Missing, string Source, IReadOnlyList<SavedMapping> Saved);

    public sealed record SavedMapping(Guid Id, string Name, IReadOnlyDictionary<string, string> Columns);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Preview>> Handle(Query query, CancellationToken ct)
        {
            IReadOnlyList<string> columns;
            try
            {
                columns = CrmFile.Columns(query.File);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or System.Xml.XmlException)
            {
                return Error.Invalid("file", Messages.Format("Imports.Unreadable", e.Message));
            }
            var suggested = ImportFields.Suggest(query.Kind, columns);
            var saved = await db.ImportMappings.AsNoTracking().Where(m => m.Kind == query.Kind).OrderBy(m => m.Name).Take(InputLimits.MaxPageSize).ToListAsync(ct);
            return new Preview(columns, suggested, ImportFields.For(query.Kind),
                StartImport.Missing(query.Kind, suggested.Values.ToHashSet()).ToList(), ImportFields.DetectSource(columns),
                saved.Select(m => new SavedMapping(m.Id, m.Name, JsonSerializer.Deserialize<Dictionary<string, string>>(m.Columns, ImportJobDetail.Json) ?? [])).ToList());
        }
    }
}
