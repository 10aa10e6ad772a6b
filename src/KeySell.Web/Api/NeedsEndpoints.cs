using KeySell.Application.Needs;

namespace KeySell.Web.Api;

public static class NeedsEndpoints
{
    public static void MapNeedsEndpoints(this RouteGroupBuilder api)
    {
        var needs = api.MapGroup("/opportunities/{id:guid}/needs").WithTags("Needs analysis");

        needs.MapGet("/", async (Guid id, GetNeeds.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetNeeds.Query(id), ct)).ToOk())
            .WithName("GetNeeds").WithSummary("The deal's needs tree with self-check 3-1 (rooted, decomposed, landed); version 0 when none is drawn.")
            .Produces<NeedsDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        needs.MapPut("/", async (Guid id, SaveNeeds.Command command, SaveNeeds.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { OpportunityId = id }, ct)).ToOk())
            .WithName("SaveNeeds").WithSummary("Saves the whole tree; nodes sent with their id keep their row, the tree's version guards it (0 to start one).")
            .Produces<NeedsDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        needs.MapDelete("/", async (Guid id, int version, DeleteNeeds.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new DeleteNeeds.Command(id, version), ct)).ToNoContent())
            .WithName("DeleteNeeds").WithSummary("Removes the tree (the sheet's needs becomes null).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
