using System.CommandLine;
using KeySell.Application.Backups;
using KeySell.Application.Data;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli.Commands;

/// <summary><c>keysell backup|restore|export-all|import-all</c>: keep the team's data safe and move it between databases.</summary>
public static class BackupCommands
{
    public static IEnumerable<Command> Create(CliHost host, Terminal terminal) =>
        [Backup(host, terminal), Restore(host, terminal), ExportAll(host, terminal), ImportAll(host, terminal)];

    private static Option<bool> Force(string description) => new("--force") { Description = description };

    private static Command Backup(CliHost host, Terminal terminal)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the copy (SQLite)." };
        var force = Force("Replace FILE if it exists.");
        var command = new Command("backup",
            "SQLite: copy the database to FILE while the servers keep working (SQLite's online backup: the database as of the moment it began), " +
            "and check the copy with PRAGMA integrity_check. PostgreSQL: print the server's version and how to back it up with pg_dump.")
        {
            file, force,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var outcome = await Run(() => services.GetRequiredService<BackupDatabase.Handler>().Handle(new BackupDatabase.Command(parsed.GetValue(file)!, parsed.GetValue(force)), ct));
            foreach (var line in outcome.Advice) await terminal.Out.WriteLineAsync(line);
            foreach (var warning in outcome.Warnings) await terminal.Error.WriteLineAsync("keysell: warning: " + warning);
            if (!outcome.Written)
            {
                await terminal.Error.WriteLineAsync("keysell: no backup was written: back up PostgreSQL with pg_dump as shown above.");
                return ExitCodes.Failed;
            }
            await terminal.Out.WriteLineAsync($"Backed up {CliHost.Describe(db)} to {Path.GetFullPath(parsed.GetValue(file)!)} ({outcome.Bytes:N0} bytes, integrity check ok).");
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Restore(CliHost host, Terminal terminal)
    {
        var file = new Argument<string>("FILE") { Description = "A backup made by 'keysell backup'." };
        var force = Force("Replace a database that holds data. Stop the servers first.");
        var command = new Command("restore",
            "SQLite: put the backup FILE in place of the database, after checking it. A database that holds anything is kept unless --force is given. " +
            "Servers migrate a restored older backup when they start.")
        {
            file, force,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var outcome = await Run(() => services.GetRequiredService<RestoreDatabase.Handler>().Handle(new RestoreDatabase.Command(parsed.GetValue(file)!, parsed.GetValue(force)), ct));
            await terminal.Out.WriteLineAsync($"Restored {Path.GetFullPath(parsed.GetValue(file)!)} into {outcome.Database} (last migration {outcome.LastMigration}).");
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command ExportAll(CliHost host, Terminal terminal)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the JSON Lines file." };
        var force = Force("Replace FILE if it exists.");
        var command = new Command("export-all",
            "Write everything in the database — users with password hashes, roles, teams, sessions, sign-in keys, history, security log and every record — " +
            $"as JSON Lines (format {Application.Backups.ExportAll.Format}, see docs/export-format.md), from one consistent snapshot. " +
            "The file is as sensitive as the database.")
        {
            file, force,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await CliHost.RequireUpToDateAsync(db, ct);
            var path = parsed.GetValue(file)!;
            var handler = services.GetRequiredService<Application.Backups.ExportAll.Handler>();
            var target = Path.GetFullPath(path);
            if (File.Exists(target) && !parsed.GetValue(force)) throw CliFailure.Failed($"{target} already exists; choose another file or add --force to replace it.");
            // Written under another name and renamed when complete: a cut-short file never carries the real name.
            var partial = target + ".partial";
            Application.Backups.ExportAll.Outcome outcome;
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                outcome = await Run(() => handler.Handle(new Application.Backups.ExportAll.Command(output), ct));
            File.Move(partial, target, overwrite: true);
            await terminal.Out.WriteLineAsync($"Exported {outcome.Rows:N0} rows of {outcome.Tables} tables from {CliHost.Describe(db)} to {target}.");
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command ImportAll(CliHost host, Terminal terminal)
    {
        var file = new Argument<string>("FILE") { Description = "A file written by 'keysell export-all' ('-' for standard input)." };
        var force = Force("Replace everything in a database that holds data (history and security log included). Stop the servers first.");
        var command = new Command("import-all",
            "Load a file written by 'keysell export-all' into this database — SQLite or PostgreSQL, whichever the export came from — keeping ids, versions, " +
            "timestamps, password hashes and history. Migrates the database first; all or nothing; a database that holds anything is kept unless --force is given.")
        {
            file, force,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await CliHost.MigrateAsync(db, ct);
            var path = parsed.GetValue(file)!;
            var fromStdin = path == "-";
            var input = fromStdin ? terminal.In : OpenOrFail(path);
            try
            {
                var outcome = await Run(() => services.GetRequiredService<Application.Backups.ImportAll.Handler>()
                    .Handle(new Application.Backups.ImportAll.Command(input, fromStdin ? "stdin" : path, parsed.GetValue(force)), ct));
                await terminal.Out.WriteLineAsync($"Imported {outcome.Rows:N0} rows of {outcome.Tables} tables into {CliHost.Describe(db)}.");
            }
            finally
            {
                if (!fromStdin) await input.DisposeAsync();
            }
            return ExitCodes.Done;
        }));
        return command;
    }

    private static FileStream OpenOrFail(string path)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw CliFailure.Failed($"cannot read {path}: {e.Message}"); }
    }

    /// <summary>A refusal is one readable line and exit 1; it changed nothing.</summary>
    private static async Task<T> Run<T>(Func<Task<T>> work)
    {
        try { return await work(); }
        catch (BackupRefused refused) { throw CliFailure.Failed(refused.Message); }
    }
}
