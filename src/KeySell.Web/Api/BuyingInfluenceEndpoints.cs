using KeySell.Application.BuyingInfluences;

namespace KeySell.Web.Api;

public static class BuyingInfluenceEndpoints
{
    public static void MapBuyingInfluenceEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/opportunities/{id:guid}/influences", async (Guid id, AddBuyingInfluence.Command command, AddBuyingInfluence.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { OpportunityId = id }, ct)).ToCreated(i => $"/api/influences/{i.Id}"))
            .WithTags("Buying influences");

        var influences = api.MapGroup("/influences").WithTags("Buying influences");

        influences.MapGet("/{id:guid}", async (Guid id, GetBuyingInfluence.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new GetBuyingInfluence.Query(id), ct)).ToOk());

        influences.MapPut("/{id:guid}", async (Guid id, UpdateBuyingInfluence.Command command, UpdateBuyingInfluence.Handler handler, CancellationToken ct) =>
            (await handler.Handle(command with { Id = id }, ct)).ToOk());

        influences.MapDelete("/{id:guid}", async (Guid id, int version, RemoveBuyingInfluence.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new RemoveBuyingInfluence.Command(id, version), ct)).ToNoContent());

        var lines = api.MapGroup("/opportunities/{id:guid}/influence-lines").WithTags("Buying influences");

        lines.MapGet("/", async (Guid id, ListInfluenceLines.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListInfluenceLines.Query(id), ct)).ToOk())
            .WithName("ListInfluenceLines").WithSummary("Informal influence between the deal's people: from listens to to.")
            .Produces<IReadOnlyList<InfluenceLineDetail>>().ProducesProblem(StatusCodes.Status404NotFound);

        lines.MapPost("/", async (Guid id, AddInfluenceLine.Command command, AddInfluenceLine.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { OpportunityId = id }, ct)).ToCreated(l => $"/api/opportunities/{id}/influence-lines/{l.Id}"))
            .WithName("AddInfluenceLine").WithSummary("Draws a line between two influences of the deal (different), strength strong, medium or weak.")
            .Produces<InfluenceLineDetail>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        lines.MapPut("/{lineId:guid}", async (Guid id, Guid lineId, LineInput body, UpdateInfluenceLine.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new UpdateInfluenceLine.Command(id, lineId, body.From, body.To, body.Strength, body.Note, body.Version), ct)).ToOk())
            .WithName("UpdateInfluenceLine").WithSummary("Changes one line, guarded by its own version.")
            .Produces<InfluenceLineDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        lines.MapDelete("/{lineId:guid}", async (Guid id, Guid lineId, int version, RemoveInfluenceLine.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new RemoveInfluenceLine.Command(id, lineId, version), ct)).ToNoContent())
            .WithName("RemoveInfluenceLine").WithSummary("Erases one line.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>A line as a PUT sends it, with the version read.</summary>
    public sealed record LineInput(string? From, string? To, string? Strength, string? Note, int Version);
}
