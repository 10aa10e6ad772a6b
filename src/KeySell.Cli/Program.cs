using System.CommandLine;
using KeySell.Cli.Commands;

namespace KeySell.Cli;

/// <summary>
/// <c>keysell</c>: database upkeep and strategy sheets from a terminal or a script. Exit codes:
/// 0 done, 1 failed (missing record, database trouble), 2 bad input (arguments or sheet).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Console.Out flushes on every line, which dominates a million-line --jsonl run; one buffered writer, flushed
        // once at the end, keeps the output identical and cheap.
        var output = new StreamWriter(Console.OpenStandardOutput(), SheetInput.Utf8, bufferSize: 1 << 16);
        await using (output.ConfigureAwait(false))
        {
            var input = Console.OpenStandardInput();
            await using (input.ConfigureAwait(false))
            {
                return await RunAsync(args, new Terminal(output, Console.Error, input));
            }
        }
    }

    /// <param name="settings">Configuration that wins over appsettings.json and the environment (tests use it for a data directory of their own).</param>
    public static async Task<int> RunAsync(
        string[] args, Terminal terminal, IEnumerable<KeyValuePair<string, string?>>? settings = null, CancellationToken cancellationToken = default)
    {
        var host = new CliHost(settings);
        var root = new RootCommand("KeySell command line: prepare the database, load the demo, move strategy sheets in and out, judge a sheet by the method, " +
            "and, as the machine's operator with admin rights, manage users, teams, shares, history and the recycle bin.")
        {
            MigrateCommand.Create(host, terminal),
            SeedDemoCommand.Create(host, terminal),
            GenerateDataCommand.Create(host, terminal),
            SheetCommands.Create(host, terminal),
            AnalyzeCommand.Create(host, terminal, TimeProvider.System),
            GenerateSheetsCommand.Create(terminal),
            UserCommands.Create(host, terminal),
            TeamCommands.Create(host, terminal),
            FunnelCommand.Create(host, terminal),
            HistoryCommands.Create(host, terminal),
            RecycleBinCommands.Create(host, terminal),
            ShareCommands.Share(host, terminal),
            ShareCommands.Unshare(host, terminal),
            ShareCommands.AccountTeam(host, terminal),
            ImportCommand.Create(host, terminal),
        };
        foreach (var command in BackupCommands.Create(host, terminal)) root.Subcommands.Add(command);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
        {
            foreach (var error in parsed.Errors) await terminal.Error.WriteLineAsync($"keysell: {OneLine(error.Message)}");
            await terminal.Error.WriteLineAsync($"See '{string.Join(' ', CommandPath(parsed))} --help'.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (CliFailure failure)
        {
            foreach (var line in failure.Lines) await terminal.Error.WriteLineAsync(line);
            return failure.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await terminal.Error.WriteLineAsync("keysell: cancelled");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            // A script reads one line it can log; a stack trace helps nobody at a terminal.
            await terminal.Error.WriteLineAsync($"keysell: {OneLine(Describe(e))}");
            return ExitCodes.Failed;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Command is RootCommand ? "keysell" : result.Command.Name);
        }
        return names;
    }

    /// <summary>Some parser messages list choices on lines of their own; a problem stays one line so scripts can count them.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The innermost message usually names the real cause (a locked file, a refused connection).</summary>
    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return ReferenceEquals(inner, e) || inner.Message == e.Message ? e.Message : $"{e.Message} ({inner.Message})";
    }
}
