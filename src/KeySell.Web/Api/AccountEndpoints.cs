using KeySell.Application.Accounts;
using KeySell.Application.Common;
using KeySell.Application.OrgCharts;

namespace KeySell.Web.Api;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");

        accounts.MapGet("/", async (string? search, string? sort, Guid? ownerId, Guid? teamId, Paging paging, ListAccounts.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListAccounts.Query(search, paging.Request, sort, ownerId, teamId), ct)).ToOk())
            .WithName("ListAccounts").WithSummary("Key accounts, searched by name, industry or region, one page at a time; sort=fit is the prospect list (best fit first, unrated last, prune marked), ownerId/teamId narrow it.")
            .Produces<Paged<AccountSummary>>();

        accounts.MapGet("/{id:guid}", async (Guid id, GetAccount.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetAccount.Query(id), ct)).ToOk())
            .WithName("GetAccount").WithSummary("An account with its group structure, departments and people.")
            .Produces<AccountDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        accounts.MapPost("/", async (CreateAccount.Command command, CreateAccount.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToCreated(a => $"/api/accounts/{a.Id}"))
            .WithName("CreateAccount").WithSummary("Adds a key account, optionally as a subsidiary of a group.")
            .Produces<AccountDetail>(StatusCodes.Status201Created).ProducesValidationProblem();

        accounts.MapPut("/{id:guid}", async (Guid id, UpdateAccount.Command command, UpdateAccount.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { Id = id }, ct)).ToOk())
            .WithName("UpdateAccount").WithSummary("Changes an account; 409 if someone saved a newer version.")
            .Produces<AccountDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        accounts.MapDelete("/{id:guid}", async (Guid id, int version, DeleteAccount.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new DeleteAccount.Command(id, version), ct)).ToNoContent())
            .WithName("DeleteAccount").WithSummary("Deletes an account with its org chart; 409 while it has opportunities or subsidiaries.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        accounts.MapGet("/{id:guid}/team", async (Guid id, GetAccountTeam.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetAccountTeam.Query(id), ct)).ToOk())
            .WithName("GetAccountTeam").WithSummary("The account team: users who read the account and its deals.")
            .Produces<AccountTeamDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        accounts.MapPut("/{id:guid}/team", async (Guid id, AccountTeamInput input, SetAccountTeam.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new SetAccountTeam.Command(id, input.UserIds), ct)).ToOk())
            .WithName("SetAccountTeam").WithSummary("Replaces the account team.")
            .Produces<AccountTeamDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        accounts.MapPost("/{id:guid}/relations", async (Guid id, RelationInput input, AddAccountRelation.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new AddAccountRelation.Command(id, input.RelatedAccountId, input.Type), ct)).ToCreated(r => $"/api/accounts/{id}/relations/{r.Id}"))
            .WithName("AddAccountRelation").WithSummary("Records an upstream, downstream or partner company.")
            .Produces<RelationDetail>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        accounts.MapDelete("/{id:guid}/relations/{relationId:guid}", async (Guid id, Guid relationId, RemoveAccountRelation.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new RemoveAccountRelation.Command(id, relationId), ct)).ToNoContent())
            .WithName("RemoveAccountRelation").WithSummary("Forgets a related company; the other account stays.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        accounts.MapPost("/{id:guid}/departments", async (Guid id, DepartmentInput input, CreateDepartment.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new CreateDepartment.Command(id, input.Name, input.ParentDepartmentId), ct)).ToCreated(d => $"/api/departments/{d.Id}"))
            .WithName("CreateDepartment").WithSummary("Adds a department to the account's organisation.")
            .Produces<DepartmentDetail>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var departments = api.MapGroup("/departments").WithTags("Accounts");

        departments.MapPut("/{id:guid}", async (Guid id, UpdateDepartment.Command command, UpdateDepartment.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { Id = id }, ct)).ToOk())
            .WithName("UpdateDepartment").WithSummary("Renames or moves a department within its account; 409 on a stale version.")
            .Produces<DepartmentDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        departments.MapDelete("/{id:guid}", async (Guid id, int version, DeleteDepartment.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new DeleteDepartment.Command(id, version), ct)).ToNoContent())
            .WithName("DeleteDepartment").WithSummary("Removes a department; its people stay and its sub-departments move up.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public sealed record RelationInput(Guid RelatedAccountId, string? Type);

    public sealed record DepartmentInput(string? Name, Guid? ParentDepartmentId);

    public sealed record AccountTeamInput(IReadOnlyList<string>? UserIds);
}
