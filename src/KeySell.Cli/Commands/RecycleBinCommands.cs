using System.CommandLine;
using KeySell.Application.Data;
using KeySell.Application.RecycleBin;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Cli.Commands.UseCaseResults;

namespace KeySell.Cli.Commands;

/// <summary><c>keysell recycle-bin list|restore|purge</c>: deleted accounts, people and deals, kept 30 days.</summary>
public static class RecycleBinCommands
{
    public static Command Create(CliHost host, Terminal terminal) =>
        new("recycle-bin", $"See what was deleted, bring it back, or purge what waited more than {RecycleBinRules.KeptFor.TotalDays:0} days.")
        {
            List(host, terminal),
            Restore(host, terminal),
            Purge(host, terminal),
        };

    private static Command List(CliHost host, Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print { items, totalCount } as the API's GET /api/recycle-bin does." };
        var command = new Command("list", "List deleted accounts, people and opportunities, newest first, with who deleted them and when they will be purged.") { json };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var handler = services.GetRequiredService<ListRecycleBin.Handler>();
            var entries = await AllPagesAsync(page => handler.Handle(new ListRecycleBin.Query(page), ct));
            if (parsed.GetValue(json))
            {
                await JsonConventions.WriteAsync(terminal, entries);
                return ExitCodes.Done;
            }
            await TextTable.WriteAsync(terminal, ["DELETED", "BY", "KIND", "ID", "PURGE AFTER", "NAME"], entries.Items.Select(e => (IReadOnlyList<string>)
                [Text(e.DeletedAt), e.DeletedBy, e.Entity, e.Id.ToString(), Text(e.PurgeAfter), e.AccountName is null ? e.Name : $"{e.Name} ({e.AccountName})"]));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Restore(CliHost host, Terminal terminal)
    {
        var kind = new Argument<string>("KIND") { Description = "account, person or opportunity." };
        kind.AcceptOnlyFromAmong(RecycleBinRules.Account, RecycleBinRules.Person, RecycleBinRules.Opportunity);
        var id = new Argument<string>("ID") { Description = "The deleted record's id, as 'keysell recycle-bin list' shows it." };
        var command = new Command("restore",
            "Bring a deleted record back with what was deleted with it. A person or deal whose account is in the bin too waits for the account.")
        {
            kind, id,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var entity = parsed.GetValue(kind)!;
            var recordId = Id(parsed.GetValue(id)!, entity == RecycleBinRules.Opportunity ? "an opportunity" : entity == RecycleBinRules.Account ? "an account" : "a person");
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var restored = Unwrap(await services.GetRequiredService<RestoreFromRecycleBin.Handler>().Handle(new RestoreFromRecycleBin.Command(entity, recordId), ct));
            await terminal.Out.WriteLineAsync($"Restored {restored.Entity} {restored.Name} ({restored.Id}).");
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Purge(CliHost host, Terminal terminal)
    {
        var command = new Command("purge",
            $"Delete for good what has waited in the recycle bin more than {RecycleBinRules.KeptFor.TotalDays:0} days, as the web app does every night; " +
            "their history stays. Prints how many of each went.");
        command.SetAction((_, ct) => host.RunAsync(async services =>
        {
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var purged = await services.GetRequiredService<PurgeRecycleBin.Handler>().Handle(new PurgeRecycleBin.Command(), ct);
            await terminal.Out.WriteLineAsync($"Purged {purged.Opportunities} opportunities, {purged.People} people, {purged.Accounts} accounts.");
            return ExitCodes.Done;
        }));
        return command;
    }
}
