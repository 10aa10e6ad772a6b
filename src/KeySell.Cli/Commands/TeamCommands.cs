using System.CommandLine;
using System.Text.RegularExpressions;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Application.Teams;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Cli.Commands.UseCaseResults;

namespace KeySell.Cli.Commands;

/// <summary><c>keysell teams list|create|members</c>: who sells together, and who manages them.</summary>
public static partial class TeamCommands
{
    private const string ManagerMark = ":manager";

    public static Command Create(CliHost host, Terminal terminal) =>
        new("teams", "List and create teams and set their members and managers.")
        {
            List(host, terminal),
            CreateTeam(host, terminal),
            Members(host, terminal),
        };

    private static Command List(CliHost host, Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print { items, totalCount } as the API's GET /api/teams does." };
        var command = new Command("list", "List every team with its members; managers are marked.") { json };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var teams = await AllTeamsAsync(services, ct);
            if (parsed.GetValue(json))
            {
                await JsonConventions.WriteAsync(terminal, teams);
                return ExitCodes.Done;
            }
            await TextTable.WriteAsync(terminal, ["NAME", "ID", "MEMBERS"], teams.Items.Select(t => (IReadOnlyList<string>)
                [t.Name, t.Id.ToString(), string.Join(", ", t.Members.Select(m => m.Manager ? m.Name + " (manager)" : m.Name))]));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command CreateTeam(CliHost host, Terminal terminal)
    {
        var name = new Argument<string>("NAME") { Description = "The team's name, unique in the workspace." };
        var command = new Command("create", "Create a team without members and print its id.") { name };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var team = Unwrap(await services.GetRequiredService<Application.Teams.CreateTeam.Handler>().Handle(new Application.Teams.CreateTeam.Command(parsed.GetValue(name)), ct));
            await terminal.Out.WriteLineAsync(team.Id.ToString());
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Members(CliHost host, Terminal terminal)
    {
        var team = new Argument<string>("TEAM") { Description = "The team's name or id." };
        var member = new Option<string[]>("--member")
        {
            Description = "A member's email; append ':manager' to let them manage the team (manager or admin role only). Repeat for each member.",
            HelpName = "EMAIL[:manager]",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("members", "Replace a team's members with the ones given, as the API's PUT /api/teams/{id}/members does.") { team, member };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var given = parsed.GetValue(member) ?? [];
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var teamId = (await FindAsync(services, parsed.GetValue(team)!, ct)).Id;

            var members = new List<SetTeamMembers.Member>();
            var problems = new List<string>();
            foreach (var text in given)
            {
                var manager = text.EndsWith(ManagerMark, StringComparison.OrdinalIgnoreCase);
                var email = manager ? text[..^ManagerMark.Length] : text;
                if (await UserCommands.IdOfAsync(services, email) is { } id) members.Add(new SetTeamMembers.Member(id, manager));
                else problems.Add($"keysell: --member {text}: No user has the email {email}.");
            }
            if (problems.Count > 0) throw CliFailure.BadInput(problems);

            var updated = Unwrap(await services.GetRequiredService<SetTeamMembers.Handler>().Handle(new SetTeamMembers.Command(teamId, members), ct),
                field => MemberField().Match(field) is { Success: true } m ? "--member " + given[int.Parse(m.Groups[1].Value)] : field);
            await terminal.Out.WriteLineAsync($"{updated.Name}: {string.Join(", ", updated.Members.Select(m => m.Manager ? m.Name + " (manager)" : m.Name))}");
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>A team by id or exact name; exit 1 when there is none.</summary>
    internal static async Task<TeamDetail> FindAsync(IServiceProvider services, string nameOrId, CancellationToken ct)
    {
        var teams = await AllTeamsAsync(services, ct);
        return teams.Items.FirstOrDefault(t => Guid.TryParse(nameOrId, out var id) ? t.Id == id : t.Name == nameOrId.Trim())
            ?? throw CliFailure.Failed(Messages.Format("NotFound", Messages.Format("Entity.team"), nameOrId));
    }

    private static async Task<Paged<TeamDetail>> AllTeamsAsync(IServiceProvider services, CancellationToken ct)
    {
        var handler = services.GetRequiredService<ListTeams.Handler>();
        return await AllPagesAsync(page => handler.Handle(new ListTeams.Query(page), ct));
    }

    [GeneratedRegex(@"^members\[(\d+)\]")]
    private static partial Regex MemberField();
}
