using System.CommandLine;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Resources;
using KeySell.Application.Teams;
using KeySell.Domain.Common;
using KeySell.Domain.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Cli.Commands.UseCaseResults;

namespace KeySell.Cli.Commands;

/// <summary><c>keysell users list|create|update</c>: the admin's user page, for the operator of the machine.</summary>
public static class UserCommands
{
    public static Command Create(CliHost host, Terminal terminal) =>
        new("users", "List, create, rename, change the role of, disable and enable the people who sign in.")
        {
            List(host, terminal),
            CreateUser(host, terminal),
            Update(host, terminal),
        };

    private static Option<string?> RoleOption(string description)
    {
        var option = new Option<string?>("--role") { Description = description, HelpName = "ROLE" };
        option.AcceptOnlyFromAmong([.. MethodIds.AllIds<Role>()]);
        return option;
    }

    private static Command List(CliHost host, Terminal terminal)
    {
        var search = new Option<string?>("--search") { Description = "Only users whose email or name contains this text.", HelpName = "TEXT" };
        var json = new Option<bool>("--json") { Description = "Print { items, totalCount } as the API's GET /api/users does." };
        var command = new Command("list", "List every user: email, name, role and whether they are disabled.") { search, json };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var handler = services.GetRequiredService<ListUsers.Handler>();
            var users = await AllPagesAsync(page => handler.Handle(new ListUsers.Query(parsed.GetValue(search), page), ct));
            if (parsed.GetValue(json))
            {
                await JsonConventions.WriteAsync(terminal, users);
                return ExitCodes.Done;
            }
            await TextTable.WriteAsync(terminal, ["EMAIL", "NAME", "ROLE", "DISABLED"],
                users.Items.Select(u => (IReadOnlyList<string>)[u.Email, u.Name, u.Role.ToId(), u.Disabled ? "yes" : "no"]));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command CreateUser(CliHost host, Terminal terminal)
    {
        var email = new Argument<string>("EMAIL") { Description = "The address they sign in with." };
        var name = new Option<string>("--name") { Description = "Their name, as colleagues see it.", Required = true, HelpName = "NAME" };
        var role = RoleOption("What they may do: admin, manager, seller or viewer.");
        role.Required = true;
        var password = new Option<string?>("--password")
        {
            Description = "Their first password. Without it a temporary one is generated, printed once, and must be changed at the first sign-in.",
            HelpName = "PASSWORD",
        };
        var command = new Command("create",
            "Create a user, linked to the colleague with that email (created if there is none). Prints the new user's id; " +
            "when no --password is given, also the temporary password, once.")
        {
            email, name, role, password,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var created = Unwrap(await services.GetRequiredService<Application.Teams.CreateUser.Handler>().Handle(
                new Application.Teams.CreateUser.Command(parsed.GetValue(email), parsed.GetValue(name), parsed.GetValue(role), parsed.GetValue(password)), ct));
            await terminal.Out.WriteLineAsync(created.Id);
            if (created.TemporaryPassword is { } temporary)
                await terminal.Out.WriteLineAsync($"Temporary password (shown once; {created.Email} must change it at the first sign-in): {temporary}");
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Update(CliHost host, Terminal terminal)
    {
        var user = new Argument<string>("USER") { Description = "The user's email or id." };
        var name = new Option<string?>("--name") { Description = "Their new name.", HelpName = "NAME" };
        var role = RoleOption("Their new role: admin, manager, seller or viewer. Ends every session they hold.");
        var disable = new Option<bool>("--disable") { Description = "Stop them signing in; every session and token they hold stops working." };
        var enable = new Option<bool>("--enable") { Description = "Let a disabled user sign in again." };
        var command = new Command("update", "Rename a user, change their role, or disable or enable them; what is not given stays as it is.")
        {
            user, name, role, disable, enable,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            if (parsed.GetValue(disable) && parsed.GetValue(enable)) throw CliFailure.BadInput("--disable and --enable: give one of them, not both.");
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var current = await FindAsync(services, parsed.GetValue(user)!, ct);
            // The use case replaces name, role and disabled together, so what the operator left out is today's value.
            bool? disabled = parsed.GetValue(disable) ? true : parsed.GetValue(enable) ? false : null;
            var updated = Unwrap(await services.GetRequiredService<UpdateUser.Handler>().Handle(
                new UpdateUser.Command(current.Id, parsed.GetValue(name) ?? current.Name, parsed.GetValue(role) ?? current.Role.ToId(), disabled ?? current.Disabled), ct));
            await terminal.Out.WriteLineAsync($"Updated {updated.Email}: {updated.Name}, {updated.Role.ToId()}{(updated.Disabled ? ", disabled" : "")}.");
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>A user by email or id, as the admin's user list shows them; exit 1 when there is none.</summary>
    internal static async Task<UserDetail> FindAsync(IServiceProvider services, string emailOrId, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var found = await users.FindByIdAsync(emailOrId) ?? await users.FindByEmailAsync(emailOrId)
            ?? throw CliFailure.Failed(Messages.Format("NotFound", Messages.Format("Entity.user"), emailOrId));
        var listed = Unwrap(await services.GetRequiredService<ListUsers.Handler>().Handle(new ListUsers.Query(found.Email, new PageRequest(1, PageRequest.MaxSize)), ct));
        return listed.Items.Single(u => u.Id == found.Id);
    }

    /// <summary>The id of the user with this email, or null; for options that name users (<c>--member</c>, <c>--user</c>).</summary>
    internal static async Task<string?> IdOfAsync(IServiceProvider services, string email) =>
        (await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email.Trim()))?.Id;
}
