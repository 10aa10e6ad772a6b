using System.Security.Claims;
using KeySell.Application.Common;
using KeySell.Application.Identity;
using KeySell.Application.Opportunities;
using Microsoft.AspNetCore.Identity;

namespace KeySell.Web.Api;

public static class OpportunityEndpoints
{
    public static void MapOpportunityEndpoints(this RouteGroupBuilder api)
    {
        var opportunities = api.MapGroup("/opportunities").WithTags("Opportunities");

        opportunities.MapGet("/", async (string? search, Guid? accountId, Guid? ownerId, bool? mine, Paging paging,
            ClaimsPrincipal user, UserManager<AppUser> users, ListOpportunities.Handler handler, CancellationToken ct) =>
        {
            if (mine == true)
            {
                // "Mine" means owned by the colleague the signed-in user is; a user who is no colleague owns nothing.
                var me = user.Identity?.Name is { Length: > 0 } name ? await users.FindByNameAsync(name) : null;
                if (me?.ColleagueId is not { } colleagueId) return Results.Ok(new Paged<OpportunitySummary>([], 0));
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

        opportunities.MapPut("/{id:guid}/lists", async (Guid id, SaveStrategyLists.Command command, SaveStrategyLists.Handler handler, CancellationToken ct) =>
            (await handler.Handle(command with { OpportunityId = id }, ct)).ToOk());
    }
}
