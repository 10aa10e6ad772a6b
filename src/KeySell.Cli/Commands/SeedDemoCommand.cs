using System.CommandLine;
using KeySell.Application.Data;
using KeySell.Application.Demo;
using KeySell.Domain.Teams;
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
            "A database that already has accounts is left untouched. The deals are owned by the admin's colleague when there is one.");
        command.SetAction((_, ct) => host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var applied = await CliHost.MigrateAsync(db, ct);
            if (applied.Count > 0) await terminal.Out.WriteLineAsync($"Applied {applied.Count} migration(s) to {CliHost.Describe(db)}.");

            var owner = await AdminColleagueAsync(db, ct);
            var outcome = await services.GetRequiredService<SeedDemo.Handler>().Handle(new SeedDemo.Command(owner), ct);
            await terminal.Out.WriteLineAsync(outcome.Accounts == 0
                ? "The database already has accounts; the demo was not added."
                : $"Seeded the demo: {outcome.Accounts} accounts, {outcome.People} people, {outcome.Opportunities} opportunities.");
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>The colleague of the first admin (by email), the same one the web start-up gives the demo to.</summary>
    private static Task<Guid?> AdminColleagueAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (from user in db.Users
         where user.Role == Role.Admin && user.ColleagueId != null
         orderby user.Email
         select user.ColleagueId).FirstOrDefaultAsync(cancellationToken);
}
