using System.CommandLine;
using System.Globalization;
using KeySell.Application.Data;
using KeySell.Application.Generation;
using KeySell.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli.Commands;

/// <summary><c>keysell generate-data</c>: a database full of made-up accounts and deals, for demos, load tests and benchmarks.</summary>
public static class GenerateDataCommand
{
    private const int ShownOneByOne = 24;

    public static Command Create(CliHost host, Terminal terminal)
    {
        var accounts = new Option<int>("--accounts") { Description = "How many accounts to make.", Required = true, HelpName = "N" };
        accounts.Validators.Add(r => Within(r, r.GetValueOrDefault<int>(), 1, GenerateData.MaxAccounts, "--accounts"));
        var opportunities = new Option<int>("--opportunities") { Description = "How many opportunities, spread evenly over the accounts.", Required = true, HelpName = "M" };
        opportunities.Validators.Add(r => Within(r, r.GetValueOrDefault<int>(), 0, GenerateData.MaxOpportunities, "--opportunities"));
        var people = new Option<double>("--people-per-account")
        {
            Description = "People per account on average (each account gets 50–150 % of it, at least 3).",
            DefaultValueFactory = _ => 9.5,
            HelpName = "K",
        };
        people.Validators.Add(r => Within(r, r.GetValueOrDefault<double>(), GenerateData.MinPeoplePerAccount, GenerateData.MaxPeoplePerAccount, "--people-per-account"));
        var seed = new Option<int>("--seed") { Description = "The same seed on an empty database gives the same records.", DefaultValueFactory = _ => 1, HelpName = "S" };
        var append = new Option<bool>("--append") { Description = "Add to a database that already has data." };
        var big = new Option<int>("--big-accounts") { Description = "How many of the accounts are big ones (the first made).", DefaultValueFactory = _ => 0, HelpName = "B" };
        big.Validators.Add(r => Within(r, r.GetValueOrDefault<int>(), 0, GenerateData.MaxAccounts, "--big-accounts"));
        var bigPeople = new Option<int>("--big-account-people") { Description = "People in each big account.", DefaultValueFactory = _ => 2_000, HelpName = "P" };
        bigPeople.Validators.Add(r => Within(r, r.GetValueOrDefault<int>(), (int)GenerateData.MinPeoplePerAccount, GenerateData.MaxBigAccountPeople, "--big-account-people"));
        var password = new Option<string?>("--password") { Description = "The password of every made-up user (default: generated and printed once).", HelpName = "PASSWORD" };

        var command = new Command("generate-data",
            "Fill the database fast with realistic, bilingual made-up data: groups of accounts with org charts, opportunities with 3–8 buying influences, " +
            "owned by made-up sellers in teams whose sign-ins are printed. Migrates first if needed; refuses a database with data unless --append.")
        {
            accounts, opportunities, people, seed, append, big, bigPeople, password,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(big) > r.GetValue(accounts)) r.AddError("--big-accounts cannot be more than --accounts.");
        });
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var applied = await CliHost.MigrateAsync(db, ct);
            if (applied.Count > 0) await terminal.Out.WriteLineAsync($"Applied {applied.Count} migration(s) to {CliHost.Describe(db)}.");

            var progress = new Progress(terminal);
            var outcome = await services.GetRequiredService<GenerateData.Handler>().Handle(new GenerateData.Command(
                parsed.GetValue(accounts), parsed.GetValue(opportunities), parsed.GetValue(people), parsed.GetValue(seed),
                parsed.GetValue(append), parsed.GetValue(big), parsed.GetValue(bigPeople), parsed.GetValue(password)), progress, ct, progress);
            if (outcome.Refused)
                throw CliFailure.Failed($"the {CliHost.Describe(db)} already has data; add --append to add to it.");

            var seconds = Math.Max(outcome.BulkElapsed.TotalSeconds, 0.001);
            await terminal.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Generated {outcome.Accounts:N0} accounts, {outcome.Relations:N0} relations, {outcome.Departments:N0} departments, {outcome.People:N0} people, " +
                $"{outcome.Opportunities:N0} opportunities, {outcome.Influences:N0} buying influences: {outcome.Rows:N0} rows in {seconds:N1} s " +
                $"({outcome.Rows / seconds:N0} rows/s, indexes included; {outcome.Rows / Math.Max(outcome.BulkProcessorTime.TotalSeconds, 0.001):N0} rows per processor-second; " +
                $"{outcome.Elapsed.TotalSeconds:N1} s with the sales team)."));
            if (outcome.BigAccountId is { } bigAccount) await terminal.Out.WriteLineAsync($"First big account: {bigAccount}");
            if (outcome.NewSignIns.Count > 0)
            {
                await terminal.Out.WriteLineAsync($"Sign-ins (every made-up user has the password {outcome.Password}):");
                // A million deals make 200 sellers: past a screenful, one line per role with the first and last email.
                var lines = outcome.NewSignIns.Count <= ShownOneByOne
                    ? outcome.NewSignIns.Select(s => $"  {s.Role.ToId(),-8} {s.Email,-36} {s.Name} — {s.Team}")
                    : outcome.NewSignIns.GroupBy(s => s.Role).Select(g =>
                        $"  {g.Key.ToId(),-8} {g.Count(),4} × {g.First().Email} … {g.Last().Email}");
                foreach (var line in lines) await terminal.Out.WriteLineAsync(line);
            }
            return ExitCodes.Done;
        }));
        return command;
    }

    private static void Within(System.CommandLine.Parsing.OptionResult result, double value, double min, double max, string name)
    {
        if (value < min || value > max)
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be from {min:#,0.##} to {max:#,0.##}."));
    }

    /// <summary>One line per commit on standard error, so standard output stays the summary a script reads.</summary>
    private sealed class Progress(Terminal terminal) : IProgress<GenerateData.Progress>, IProgress<long>
    {
        public void Report(long deals) =>
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate-data: judging {deals:N0} new deals for the stored analysis summaries…"));

        public void Report(GenerateData.Progress value)
        {
            var seconds = Math.Max(value.Elapsed.TotalSeconds, 0.001);
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generate-data: {value.Accounts:N0}/{value.AccountsAsked:N0} accounts, {value.Rows:N0} rows, {seconds:N0} s, {value.Rows / seconds:N0} rows/s"));
        }
    }
}
