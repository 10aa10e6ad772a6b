using System.CommandLine;
using KeySell.Application.Accounts;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Domain.Common;
using KeySell.Domain.Opportunities;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Cli.Commands.UseCaseResults;

namespace KeySell.Cli.Commands;

/// <summary><c>keysell share|unshare|account-team</c>: opening a deal or an account to colleagues beyond its owner's teams.</summary>
public static class ShareCommands
{
    public static Command Share(CliHost host, Terminal terminal)
    {
        var opportunity = new Argument<string>("OPPORTUNITY") { Description = "The opportunity's id." };
        var user = new Option<string?>("--user") { Description = "Share with this user (their email).", HelpName = "EMAIL" };
        var team = new Option<string?>("--team") { Description = "Share with every member of this team (its name or id).", HelpName = "TEAM" };
        var access = new Option<string>("--access") { Description = "read, or edit (viewers still only read).", Required = true, HelpName = "ACCESS" };
        access.AcceptOnlyFromAmong([.. MethodIds.AllIds<ShareAccess>()]);
        var command = new Command("share",
            "Open an opportunity to one user or one team, to read or to edit, and print the share's id. Sharing again with the same user or team changes the access.")
        {
            opportunity, user, team, access,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var opportunityId = Id(parsed.GetValue(opportunity)!, "an opportunity");
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            string? userId = null;
            if (parsed.GetValue(user) is { } email)
                userId = await UserCommands.IdOfAsync(services, email) ?? throw CliFailure.BadInput($"--user {email}: No user has the email {email}.");
            Guid? teamId = parsed.GetValue(team) is { } teamName ? (await TeamCommands.FindAsync(services, teamName, ct)).Id : null;
            var share = Unwrap(await services.GetRequiredService<AddShare.Handler>().Handle(new AddShare.Command(opportunityId, userId, teamId, parsed.GetValue(access)), ct),
                field => field switch { "userId" => "--user", "teamId" => "--team", _ => "--" + field });
            await terminal.Out.WriteLineAsync(share.Id.ToString());
            return ExitCodes.Done;
        }));
        return command;
    }

    public static Command Unshare(CliHost host, Terminal terminal)
    {
        var opportunity = new Argument<string>("OPPORTUNITY") { Description = "The opportunity's id." };
        var shareId = new Argument<string>("SHARE") { Description = "The share's id, as 'keysell share' printed it." };
        var command = new Command("unshare", "Remove one share of an opportunity.") { opportunity, shareId };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var opportunityId = Id(parsed.GetValue(opportunity)!, "an opportunity");
            var share = Id(parsed.GetValue(shareId)!, "a share");
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            Unwrap(await services.GetRequiredService<RemoveShare.Handler>().Handle(new RemoveShare.Command(opportunityId, share), ct));
            await terminal.Out.WriteLineAsync($"Removed share {share} of opportunity {opportunityId}.");
            return ExitCodes.Done;
        }));
        return command;
    }

    public static Command AccountTeam(CliHost host, Terminal terminal)
    {
        var account = new Argument<string>("ACCOUNT") { Description = "The account's id." };
        var member = new Option<string[]>("--member")
        {
            Description = "A member's email; repeat for each member.",
            HelpName = "EMAIL",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("account-team",
            "Replace an account's team (客户小组): the users who read the account and its deals and keep its org chart.")
        {
            account, member,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var accountId = Id(parsed.GetValue(account)!, "an account");
            var given = parsed.GetValue(member) ?? [];
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var ids = new List<string>();
            var problems = new List<string>();
            foreach (var email in given)
            {
                if (await UserCommands.IdOfAsync(services, email) is { } id) ids.Add(id);
                else problems.Add($"keysell: --member {email}: No user has the email {email}.");
            }
            if (problems.Count > 0) throw CliFailure.BadInput(problems);
            var team = Unwrap(await services.GetRequiredService<SetAccountTeam.Handler>().Handle(new SetAccountTeam.Command(accountId, ids), ct),
                field => field.StartsWith("userIds[", StringComparison.Ordinal) && int.TryParse(field[8..field.IndexOf(']')], out var i) && i < given.Length ? "--member " + given[i] : field);
            await terminal.Out.WriteLineAsync($"Account team of {team.AccountId}: {string.Join(", ", team.Members.Select(m => m.Name))}");
            return ExitCodes.Done;
        }));
        return command;
    }
}
