using KeySell.Application.Accounts;
using KeySell.Application.Common;
using KeySell.Application.OrgCharts;

namespace KeySell.Web.Api;

public static class PersonEndpoints
{
    public static void MapPersonEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{accountId:guid}/people", async (Guid accountId, string? search, Paging paging, ListPeople.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListPeople.Query(accountId, search, paging.Request), ct)).ToOk())
            .WithTags("People").WithName("ListPeople").WithSummary("An account's people, searched by name or title, one page at a time.")
            .Produces<Paged<PersonSummary>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/accounts/{accountId:guid}/org-chart", async (Guid accountId, Guid? managerId, string? search, Paging paging, ListOrgChart.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListOrgChart.Query(accountId, managerId is { } manager ? [manager] : null, search, paging.Request), ct)).ToOk())
            .WithTags("People").WithName("ListOrgChart")
            .WithSummary("An account's org chart a branch at a time: its tops, the reports of managerId, or the people whose name, title or department holds search.")
            .Produces<Paged<ListOrgChart.Card>>().ProducesProblem(StatusCodes.Status404NotFound);

        var people = api.MapGroup("/people").WithTags("People");

        people.MapGet("/{id:guid}", async (Guid id, GetPerson.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetPerson.Query(id), ct)).ToOk())
            .WithName("GetPerson").WithSummary("A person with manager, reports and every deal they influence.")
            .Produces<PersonDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/", async (CreatePerson.Command command, CreatePerson.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToCreated(p => $"/api/people/{p.Id}"))
            .WithName("CreatePerson").WithSummary("Adds a person to an account's org chart.")
            .Produces<PersonDetail>(StatusCodes.Status201Created).ProducesValidationProblem();

        people.MapPut("/{id:guid}", async (Guid id, UpdatePerson.Command command, UpdatePerson.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { Id = id }, ct)).ToOk())
            .WithName("UpdatePerson").WithSummary("Changes a person; 409 if someone saved a newer version.")
            .Produces<PersonDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        people.MapDelete("/{id:guid}", async (Guid id, int version, DeletePerson.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new DeletePerson.Command(id, version), ct)).ToNoContent())
            .WithName("DeletePerson").WithSummary("Removes a person, moving their reports up to their manager; 409 while they influence a deal.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
