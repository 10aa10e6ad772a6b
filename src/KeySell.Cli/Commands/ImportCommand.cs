using System.CommandLine;
using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Imports;
using KeySell.Domain.Common;
using KeySell.Domain.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli.Commands;

/// <summary>
/// <c>keysell import accounts|contacts|opportunities FILE [--mapping FILE] [--dry-run]</c>: a CRM export
/// brought in as the operator, with the same checks and job record as the web's Import page.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliHost host, Terminal terminal)
    {
        var kind = new Argument<string>("KIND") { Description = "What the file holds: accounts, contacts or opportunities." };
        kind.AcceptOnlyFromAmong("accounts", "contacts", "opportunities");
        var file = new Argument<string>("FILE") { Description = "A CSV or XLSX export (Salesforce, HubSpot, Dynamics 365 or your own columns)." };
        var mapping = new Option<string?>("--mapping")
        {
            Description = "A JSON file mapping the file's columns to KeySell fields, e.g. {\"Company\": \"name\", \"CRM No.\": \"externalId\"} " +
                "(docs/imports.md lists the fields). Without it, the usual column names map themselves.",
            HelpName = "FILE",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report what would happen; change nothing." };
        var command = new Command("import",
            "Import accounts, contacts or opportunities from a CRM export: adds or updates records by the CRM's id (importing the same file " +
            "twice changes nothing). Each problem is one line on standard error (FILE:ROW: column: message), with exit code 2; the good rows are imported.")
        {
            kind, file, mapping, dryRun,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path)) throw CliFailure.BadInput($"{path}: no such file.");
            var columns = parsed.GetValue(mapping) is { } mappingFile ? ReadMapping(mappingFile) : null;
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);

            var job = Unwrap(await services.GetRequiredService<StartImport.Handler>().Handle(
                new StartImport.Command(MethodIds.Parse<ImportKind>(parsed.GetValue(kind)!), Path.GetFileName(path), path, columns, parsed.GetValue(dryRun), KeepFile: true), ct), path);
            var done = Unwrap(await services.GetRequiredService<RunImport.Handler>().Handle(new RunImport.Command(job.Id), ct), path);

            foreach (var problem in done.FirstProblems)
                await terminal.Error.WriteLineAsync($"{path}:{problem.Row}: {(problem.Column is null ? "" : problem.Column + ": ")}{problem.Message}");
            if (done.Problems > done.FirstProblems.Count)
                await terminal.Error.WriteLineAsync($"{path}: … and {done.Problems - done.FirstProblems.Count} more problems; every bad row is in {ImportFiles.Errors(host.Options(), done.Id)}");
            if (done.IgnoredColumns.Count > 0)
                await terminal.Out.WriteLineAsync($"Ignored columns (no counterpart in KeySell): {string.Join(", ", done.IgnoredColumns)}");
            var verb = done.DryRun ? "Dry run, nothing changed: would create" : "Created";
            await terminal.Out.WriteLineAsync(
                $"{verb} {done.Created}, {(done.DryRun ? "would update" : "updated")} {done.Updated}, unchanged {done.Unchanged}, bad rows {done.BadRows} of {done.RowsRead} rows ({done.Source}). Job {done.Id}.");
            if (done.State == ImportState.Failed) throw CliFailure.Failed(done.Message ?? "The import failed.");
            return done.BadRows > 0 ? ExitCodes.BadInput : ExitCodes.Done;
        }));
        return command;
    }

    private static Dictionary<string, string> ReadMapping(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
                ?? throw CliFailure.BadInput($"{path}: the mapping is null; expected an object of \"column\": \"field\".");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw CliFailure.BadInput($"{path}: not a mapping (an object of \"column\": \"field\"): {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static T Unwrap<T>(Result<T> result, string source)
    {
        if (result.Error is not { } error) return result.Value;
        if (error.Kind != ErrorKind.Validation) throw CliFailure.Failed(error.Message);
        throw CliFailure.BadInput(error.Fields.SelectMany(f => f.Value.Select(message => $"{source}: {f.Key}: {message}")).ToList());
    }
}
