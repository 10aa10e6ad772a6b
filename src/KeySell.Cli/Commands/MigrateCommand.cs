using System.CommandLine;
using KeySell.Application.Data;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli.Commands;

public static class MigrateCommand
{
    public static Command Create(CliHost host, Terminal terminal)
    {
        var command = new Command("migrate",
            "Create or upgrade the KeySell database (SQLite or PostgreSQL, as configured) to this version, and list the migrations applied. " +
            "Safe to run again: an up-to-date database is left as it is.");
        command.SetAction((_, ct) => host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var applied = await CliHost.MigrateAsync(db, ct);
            if (applied.Count == 0)
            {
                await terminal.Out.WriteLineAsync($"{CliHost.Describe(db)} is up to date; no migration to apply.");
            }
            else
            {
                await terminal.Out.WriteLineAsync($"Applied {applied.Count} migration(s) to {CliHost.Describe(db)}:");
                foreach (var migration in applied) await terminal.Out.WriteLineAsync("  " + migration);
            }
            return ExitCodes.Done;
        }));
        return command;
    }
}
