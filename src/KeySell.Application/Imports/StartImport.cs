using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Imports;

namespace KeySell.Application.Imports;

/// <summary>
/// Queues the import of an uploaded file: with the caller's mapping, else the automatic one (a Salesforce
/// data export maps itself completely). The file must name the fields a row of its kind needs.
/// </summary>
public static class StartImport
{
    /// <param name="UploadedFile">The file as received, anywhere on this machine; it is moved into the job's directory (copied with <paramref name="KeepFile"/>, as the CLI does with the user's own file).</param>
    public sealed record Command(ImportKind Kind, string FileName, string UploadedFile, IReadOnlyDictionary<string, string>? Mapping, bool DryRun, bool KeepFile = false);

    public sealed class Handler(AppDbContext db, KeySellOptions options)
    {
        public async Task<Result<ImportJobDetail>> Handle(Command command, CancellationToken ct)
        {
            IReadOnlyList<string> columns;
            try
            {
                columns = CrmFile.Columns(command.UploadedFile);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or System.Xml.XmlException)
            {
                return Error.Invalid("file", Messages.Format("Imports.Unreadable", e.Message));
            }
            var validation = new Validation();
            if (columns.Count == 0) validation.Add("file", Messages.Format("Imports.Empty"));
            var mapping = command.Mapping ?? ImportFields.Suggest(command.Kind, columns);
            foreach (var (column, field) in mapping)
            {
                if (!columns.Contains(column)) validation.Add($"mapping.{column}", Messages.Format("Imports.NoSuchColumn", column));
                if (!ImportFields.IsKnown(command.Kind, field)) validation.Add($"mapping.{column}", Messages.Format("UnknownValue", field, string.Join(", ", ImportFields.For(command.Kind))));
            }
            var fields = mapping.Values.ToHashSet();
            foreach (var missing in Missing(command.Kind, fields)) validation.Add("mapping", Messages.Format("Imports.FieldNotMapped", missing));
            if (fields.Count != mapping.Count) validation.Add("mapping", Messages.Format("Imports.FieldMappedTwice"));
            if (validation.HasErrors) return validation.ToError();

            var job = new ImportJob
            {
                UserId = db.Caller.UserId,
                Kind = command.Kind,
                FileName = Texts.Cut(Path.GetFileName(command.FileName), ImportJob.FileNameMaxLength) ?? "upload",
                FileBytes = new FileInfo(command.UploadedFile).Length,
                Mapping = JsonSerializer.Serialize(mapping, ImportJobDetail.Json),
                Source = ImportFields.DetectSource(columns),
                DryRun = command.DryRun,
            };
            var stored = ImportFiles.Upload(options, job.Id);
            job.StoredFile = Path.GetRelativePath(options.ResolveDataDirectory(), stored);
            db.ImportJobs.Add(job);
            // The job is saved first: a caller who may not import (a viewer) is refused before any file is moved.
            await db.SaveChangesAsync(ct);
            Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
            if (command.KeepFile) File.Copy(command.UploadedFile, stored, overwrite: true);
            else File.Move(command.UploadedFile, stored, overwrite: true);
            return ImportJobDetail.From(job);
        }
    }

    /// <summary>The fields a kind of file cannot do without: a name (or first and last name) and, but for accounts, the account.</summary>
    public static IEnumerable<string> Missing(ImportKind kind, IReadOnlySet<string> fields)
    {
        if (kind == ImportKind.Contacts)
        {
            if (!fields.Contains(ImportFields.Name) && !fields.Contains(ImportFields.LastName) && !fields.Contains(ImportFields.FirstName)) yield return ImportFields.Name;
        }
        else if (!fields.Contains(ImportFields.Name)) yield return ImportFields.Name;
        if (kind != ImportKind.Accounts && !fields.Contains(ImportFields.AccountExternalId) && !fields.Contains(ImportFields.AccountName))
            yield return ImportFields.AccountExternalId;
    }
}
