using KeySell.Application.Common;
using KeySell.Application.Opportunities;

namespace KeySell.Web.Api;

public static class OpportunityEndpoints
{
    public static void MapOpportunityEndpoints(this RouteGroupBuilder api)
    {
        var opportunities = api.MapGroup("/opportunities").WithTags("Opportunities");

        opportunities.MapGet("/", async (string? search, Guid? accountId, Guid? ownerId, bool? mine, Paging paging,
            ICurrentUser me, ListOpportunities.Handler handler, CancellationToken ct) =>
        {
            if (mine == true)
            {
                // "Mine" means owned by the colleague the signed-in user is; a user who is no colleague owns nothing.
                if (me.ColleagueId is not { } colleagueId) return Results.Ok(new Paged<OpportunitySummary>([], 0));
                ownerId = colleagueId;
            }
            var query = new ListOpportunities.Query(search, accountId, ownerId, paging.Request);
            return (await handler.Handle(query, ct)).ToOk();
        });

        opportunities.MapGet("/{id:guid}", async (Guid id, GetOpportunity.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new GetOpportunity.Query(id), ct)).ToOk());

        opportunities.MapPost("/", async (CreateOpportunity.Command command, CreateOpportunity.Handler handler, CancellationToken ct) =>
            (await handler.Handle(command, ct)).ToCreated(o => $"/api/opportunities/{o.Id}"));

        opportunities.MapPut("/{id:guid}", async (Guid id, UpdateOpportunity.Command command, UpdateOpportunity.Handler handler, CancellationToken ct) =>
            (await handler.Handle(command with { Id = id }, ct)).ToOk());

        opportunities.MapDelete("/{id:guid}", async (Guid id, int version, DeleteOpportunity.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new DeleteOpportunity.Command(id, version), ct)).ToNoContent());

        opportunities.MapGet("/{id:guid}/shares", async (Guid id, ListShares.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListShares.Query(id), ct)).ToOk())
            .WithName("ListShares").WithSummary("Users and teams the deal is shared with.").Produces<Paged<ShareDetail>>();

        opportunities.MapPost("/{id:guid}/shares", async (Guid id, ShareInput input, AddShare.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new AddShare.Command(id, input.UserId, input.TeamId, input.Access), ct)).ToCreated(s => $"/api/opportunities/{id}/shares/{s.Id}"))
            .WithName("AddShare").WithSummary("Shares the deal with one user or one team, to read or to edit.")
            .Produces<ShareDetail>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        opportunities.MapDelete("/{id:guid}/shares/{shareId:guid}", async (Guid id, Guid shareId, RemoveShare.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new RemoveShare.Command(id, shareId), ct)).ToNoContent())
            .WithName("RemoveShare").WithSummary("Stops sharing the deal with that user or team.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        opportunities.MapPut("/{id:guid}/lists", async (Guid id, SaveStrategyLists.Command command, SaveStrategyLists.Handler handler, CancellationToken ct) =>
            (await handler.Handle(command with { OpportunityId = id }, ct)).ToOk());
    }

    public sealed record ShareInput(string? UserId, Guid? TeamId, string? Access);
}
