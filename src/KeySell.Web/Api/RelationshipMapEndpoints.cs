using KeySell.Application.RelationshipMap;
using KeySell.Domain.RelationshipMap;
using Microsoft.AspNetCore.Mvc;

namespace KeySell.Web.Api;

/// <summary>The relationship maps of a deal and of an account, the caller's own positions on them, and an account's own lines.</summary>
public static class RelationshipMapEndpoints
{
    public static void MapRelationshipMapEndpoints(this RouteGroupBuilder api)
    {
        var deal = api.MapGroup("/opportunities/{id:guid}/map").WithTags("Relationship map");
        deal.MapGet("/", async (Guid id, GetDealMap.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetDealMap.Query(id), ct)).ToOk())
            .WithName("GetDealMap").WithSummary("The deal's buying influences as nodes, with reporting lines and the deal's informal influence lines as edges.")
            .Produces<MapDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        MapPositions(deal, MapKind.Opportunity, "Deal");

        var account = api.MapGroup("/accounts/{id:guid}/map").WithTags("Relationship map");
        account.MapGet("/", async (Guid id, [FromQuery] Guid? deal, [FromQuery] Guid[]? include, GetAccountMap.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetAccountMap.Query(id, deal, include), ct)).ToOk())
            .WithName("GetAccountMap")
            .WithSummary("The account's people on open deals and informal lines, with their reporting chains to the top, plus `include` (person ids, at most 100); " +
                         "at most 300 nodes, `omitted` counts the rest. `deal` picks the opportunity whose support, roles and mode colour the nodes.")
            .Produces<MapDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        MapPositions(account, MapKind.Account, "Account");

        var lines = api.MapGroup("/accounts/{id:guid}/person-lines").WithTags("Relationship map");
        lines.MapGet("/", async (Guid id, ListPersonLines.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListPersonLines.Query(id), ct)).ToOk())
            .WithName("ListPersonLines").WithSummary("The account's own informal lines between people (from listens to to, person ids).")
            .Produces<IReadOnlyList<PersonLineDetail>>().ProducesProblem(StatusCodes.Status404NotFound);
        lines.MapPost("/", async (Guid id, PersonLineInput body, AddPersonLine.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new AddPersonLine.Command(id, body.From, body.To, body.Strength, body.Note), ct))
                .ToCreated(l => $"/api/accounts/{id}/person-lines/{l.Id}"))
            .WithName("AddPersonLine").WithSummary("Draws a line between two different people of the account, strength strong, medium or weak.")
            .Produces<PersonLineDetail>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        lines.MapPut("/{lineId:guid}", async (Guid id, Guid lineId, PersonLineUpdate body, UpdatePersonLine.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new UpdatePersonLine.Command(id, lineId, body.From, body.To, body.Strength, body.Note, body.Version), ct)).ToOk())
            .WithName("UpdatePersonLine").WithSummary("Changes one line, guarded by its own version.")
            .Produces<PersonLineDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        lines.MapDelete("/{lineId:guid}", async (Guid id, Guid lineId, int version, RemovePersonLine.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new RemovePersonLine.Command(id, lineId, version), ct)).ToNoContent())
            .WithName("RemovePersonLine").WithSummary("Erases one line.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapPositions(RouteGroupBuilder map, MapKind kind, string whose)
    {
        map.MapPut("/positions", async (Guid id, PositionsInput body, SaveMapPositions.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new SaveMapPositions.Command(kind, id, body.Positions), ct)).ToOk())
            .WithName($"Save{whose}MapPositions")
            .WithSummary("Keeps where the caller dropped people on this map (at most 300 at once, |x|, |y| ≤ 100,000), for the caller alone; answers how many.")
            .Produces<int>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        map.MapDelete("/positions", async (Guid id, ResetMapPositions.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ResetMapPositions.Command(kind, id), ct)).ToNoContent())
            .WithName($"Reset{whose}MapPositions").WithSummary("Reset layout: forgets the caller's positions on this map.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record PositionsInput(IReadOnlyList<SaveMapPositions.Position>? Positions);
    public sealed record PersonLineInput(Guid? From, Guid? To, string? Strength, string? Note);
    public sealed record PersonLineUpdate(Guid? From, Guid? To, string? Strength, string? Note, int Version);
}
