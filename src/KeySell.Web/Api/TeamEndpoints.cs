using KeySell.Application.Common;
using KeySell.Application.Identity;
using KeySell.Application.Teams;

namespace KeySell.Web.Api;

public static class TeamEndpoints
{
    /// <summary>The signed-in user, the admin's users and the teams (contract: team access).</summary>
    public static void MapTeamEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (GetMe.Handler handler, CancellationToken ct) => (await handler.Handle(new GetMe.Query(), ct)).ToOk())
            .WithTags("Teams").WithName("GetMe").WithSummary("Who I am: email, name, role, my colleague and my teams.")
            .Produces<GetMe.Me>();

        var users = api.MapGroup("/users").WithTags("Teams");
        users.MapGet("/", async (string? search, Paging paging, ListUsers.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListUsers.Query(search, paging.Request), ct)).ToOk())
            .RequireAuthorization(Roles.Admin)
            .WithName("ListUsers").WithSummary("Every user (admin only).")
            .Produces<Paged<UserDetail>>().ProducesProblem(StatusCodes.Status403Forbidden);

        users.MapGet("/picks", async (string? search, ListUserPicks.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListUserPicks.Query(search), ct)).ToOk())
            .WithName("ListUserPicks").WithSummary("Active users by name, to share a deal with or put on an account team.")
            .Produces<IReadOnlyList<ListUserPicks.UserPick>>();

        users.MapPost("/", async (CreateUser.Command command, CreateUser.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToCreated(u => $"/api/users/{u.Id}"))
            .RequireAuthorization(Roles.Admin)
            .WithName("CreateUser").WithSummary("Lets someone in with one role; without a password a temporary one is generated and shown once.")
            .Produces<CreateUser.Created>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        users.MapPut("/{id}", async (string id, UserInput input, UpdateUser.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new UpdateUser.Command(id, input.Name, input.Role, input.Disabled), ct)).ToOk())
            .RequireAuthorization(Roles.Admin)
            .WithName("UpdateUser").WithSummary("Renames a user, changes their role or disables them; a new role or a disable ends their sessions.")
            .Produces<UserDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var teams = api.MapGroup("/teams").WithTags("Teams");
        teams.MapGet("/", async (Paging paging, ListTeams.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListTeams.Query(paging.Request), ct)).ToOk())
            .WithName("ListTeams").WithSummary("Teams with their members: all for an admin, one's own teams otherwise.")
            .Produces<Paged<TeamDetail>>();

        teams.MapPost("/", async (CreateTeam.Command command, CreateTeam.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToCreated(t => $"/api/teams/{t.Id}"))
            .RequireAuthorization(Roles.Admin)
            .WithName("CreateTeam").WithSummary("Adds a team (admin only).")
            .Produces<TeamDetail>(StatusCodes.Status201Created).ProducesValidationProblem();

        teams.MapPut("/{id:guid}/members", async (Guid id, MembersInput input, SetTeamMembers.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new SetTeamMembers.Command(id, input.Members), ct)).ToOk())
            .RequireAuthorization(Roles.Admin)
            .WithName("SetTeamMembers").WithSummary("Replaces a team's members; only managers and admins may be marked manager.")
            .Produces<TeamDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record UserInput(string? Name, string? Role, bool? Disabled);

    public sealed record MembersInput(IReadOnlyList<SetTeamMembers.Member>? Members);
}
