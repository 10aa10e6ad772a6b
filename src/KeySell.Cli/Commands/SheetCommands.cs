using System.CommandLine;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.History;
using KeySell.Application.Sheets;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli.Commands;

/// <summary><c>keysell sheet export|import</c>: one opportunity's strategy sheet as contract JSON.</summary>
public static class SheetCommands
{
    public static Command Create(CliHost host, Terminal terminal) =>
        new("sheet", "Export and import strategy sheets (JSON; export writes keysell.strategy-sheet/2, import reads versions 1 and 2) to edit, review or move an opportunity's strategy.")
        {
            Export(host, terminal),
            Import(host, terminal),
        };

    private static Command Export(CliHost host, Terminal terminal)
    {
        var id = new Argument<string>("ID") { Description = "The opportunity's id (a GUID, as in the web app's address bar)." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the sheet to this file instead of standard output.",
            HelpName = "FILE",
        };
        var at = new Option<string?>("--at")
        {
            Description = "The sheet as it stood at this ISO 8601 date or instant (UTC unless an offset is given), rebuilt from the history.",
            HelpName = "ISO8601",
        };
        var command = new Command("export",
            "Write an opportunity's strategy sheet (objective, buying influences, strengths, manual red flags, objections) as JSON, " +
            "to standard output or to --output FILE.")
        {
            id, output, at,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var opportunityId = ParseId(parsed.GetValue(id)!);
            var instant = UseCaseResults.Instant(parsed.GetValue(at), "--at");
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var sheet = Unwrap(instant is { } past
                ? await services.GetRequiredService<GetSheetAt.Handler>().Handle(new GetSheetAt.Query(opportunityId, past), ct)
                : await services.GetRequiredService<ExportSheet.Handler>().Handle(new ExportSheet.Query(opportunityId), ct), source: null);
            var json = SheetWriter.Write(sheet) + Environment.NewLine;
            if (parsed.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, json, SheetInput.Utf8, ct);
            }
            else
            {
                await terminal.Out.WriteAsync(json);
            }
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Import(CliHost host, Terminal terminal)
    {
        var file = new Argument<string>("FILE") { Description = "The sheet to read, or '-' for standard input." };
        var opportunity = new Option<string?>("--opportunity")
        {
            Description = "Replace this opportunity's strategy with the sheet instead of creating a new opportunity. " +
                "The sheet's account must be the opportunity's account.",
            HelpName = "ID",
        };
        var command = new Command("import",
            "Read a strategy sheet and create a new opportunity from it (at the account of that name, created if missing; prints the new id), " +
            "or with --opportunity ID replace that opportunity's sheet. A sheet with any problem changes nothing; each problem is listed with its JSON path.")
        {
            file, opportunity,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var path = parsed.GetValue(file)!;
            var target = parsed.GetValue(opportunity) is { } given ? ParseId(given) : (Guid?)null;
            var source = SheetInput.SourceName(path);
            var sheet = await SheetInput.ReadAsync(path, terminal, ct);
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);

            if (target is { } opportunityId)
            {
                var applied = Unwrap(await services.GetRequiredService<ApplySheet.Handler>().Handle(new ApplySheet.Command(opportunityId, sheet), ct), source);
                await terminal.Out.WriteLineAsync($"Updated opportunity {opportunityId} (version {applied.Version}).");
            }
            else
            {
                var created = Unwrap(await services.GetRequiredService<ImportSheet.Handler>().Handle(new ImportSheet.Command(sheet), ct), source);
                await terminal.Out.WriteLineAsync(created.ToString());
            }
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Guid ParseId(string text) =>
        Guid.TryParse(text, out var id) ? id : throw CliFailure.BadInput($"'{text}' is not an opportunity id; expected a GUID such as 0c6f1b2e-5d7a-4c1e-9a43-2f8d6b1e7c90.");

    /// <summary>Validation problems are the caller's to fix (exit 2, one line per field); the rest are failures (exit 1).</summary>
    private static T Unwrap<T>(Result<T> result, string? source)
    {
        if (result.Error is not { } error) return result.Value;
        if (error.Kind != ErrorKind.Validation) throw CliFailure.Failed(error.Message);
        var prefix = source is null ? "keysell: " : source + ": ";
        var lines = error.Fields.Count == 0
            ? [prefix + error.Message]
            : error.Fields.SelectMany(f => f.Value.Select(message => $"{prefix}{f.Key}: {message}")).ToList();
        throw CliFailure.BadInput(lines);
    }
}
