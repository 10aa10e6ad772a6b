using System.CommandLine;
using KeySell.Application.Data;
using KeySell.Application.Demo;
using KeySell.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli.Commands;

public static class SeedDemoCommand
{
    public static Command Create(CliHost host, Terminal terminal)
    {
        var command = new Command("seed-demo",
            "Load the bilingual demo (a steel group with subsidiaries and partners, org charts, our sales team and five deals " +
            "that show the method's situations) into an empty database, migrating it first if needed. " +
            "A database that already has accounts is left untouched. The deals belong to the demo sellers, whose sign-ins are printed once.");
        command.SetAction((_, ct) => host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var applied = await CliHost.MigrateAsync(db, ct);
            if (applied.Count > 0) await terminal.Out.WriteLineAsync($"Applied {applied.Count} migration(s) to {CliHost.Describe(db)}.");

            var outcome = await services.GetRequiredService<SeedDemo.Handler>().Handle(new SeedDemo.Command(null), ct);
            await terminal.Out.WriteLineAsync(outcome.Accounts == 0
                ? "The database already has accounts; the demo was not added."
                : $"Seeded the demo: {outcome.Accounts} accounts, {outcome.People} people, {outcome.Opportunities} opportunities.");
            if (outcome.Accounts > 0)
            {
                var team = await services.GetRequiredService<SeedDemoTeam.Handler>().Handle(new SeedDemoTeam.Command(), ct);
                if (team.Count > 0) await terminal.Out.WriteLineAsync("Demo team sign-ins (shown once):");
                foreach (var signIn in team)
                    await terminal.Out.WriteLineAsync($"  {signIn.Role.ToId(),-8} {signIn.Email,-34} {signIn.Password,-18} {signIn.Name} — {signIn.Team}");
            }
            return ExitCodes.Done;
        }));
        return command;
    }
}
